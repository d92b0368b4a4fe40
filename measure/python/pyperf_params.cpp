#include "measure/python/pyperf_params.hpp"

#include "measure/param_reading.hpp"
#include "measure/python/python_params.hpp"
#include "measure/text_params.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace perfmatrix::python {
namespace {

// pyperf's worker reads the script's arguments with argparse after its own: an argument that
// repeats one of the worker options perfmatrix sets would silently override it.
bool overrides_worker_option(const std::string& arg) {
    static const std::vector<std::string> owned{"--worker",
                                                "--worker-task",
                                                "--values",
                                                "-n",
                                                "--warmups",
                                                "-w",
                                                "--loops",
                                                "-l",
                                                "--output",
                                                "-o",
                                                "--append",
                                                "--pipe",
                                                "--calibrate-loops",
                                                "--recalibrate-loops",
                                                "--calibrate-warmups",
                                                "--recalibrate-warmups",
                                                "--min-time",
                                                "--processes",
                                                "-p",
                                                "--fast",
                                                "--rigorous",
                                                "--debug-single-value",
                                                "--track-memory",
                                                "--tracemalloc",
                                                "--compare-to",
                                                "--in-process"};
    const std::string name = arg.substr(0, arg.find('='));
    return std::find(owned.begin(), owned.end(), name) != owned.end();
}

std::vector<std::string> read_args(const nlohmann::json& params) {
    auto args = optional_string_list_param(params, "args").value_or(std::vector<std::string>{});
    for (const auto& arg : args) {
        if (overrides_worker_option(arg)) {
            invalid_param("args", fmt::format("'{}' is a pyperf worker option perfmatrix sets itself (use the kind's "
                                              "values, warmups, loops, loop_min_time parameters)",
                                              arg));
        }
    }
    return args;
}

std::optional<std::string> read_benchmark(const nlohmann::json& params) {
    auto name = optional_string_param(params, "benchmark");
    if (name && name->empty())
        invalid_param("benchmark", "must not be empty (leave it out for the script's first benchmark)");
    return name;
}

std::optional<std::string> read_package(const nlohmann::json& params) {
    auto name = optional_string_param(params, "package");
    if (!name) return name;
    const bool dotted_name = !name->empty() && name->front() != '.' && name->back() != '.' &&
                             std::all_of(name->begin(), name->end(),
                                         [](unsigned char c) { return std::isalnum(c) != 0 || c == '_' || c == '.'; });
    if (!dotted_name) invalid_param("package", fmt::format("'{}' is not an importable package name", *name));
    return name;
}

std::vector<std::pair<std::string, std::string>> read_env(const nlohmann::json& params) {
    auto env = string_map_param(params, "env");
    for (const auto& [name, value] : env) check_variable_name("env", name);
    return env;
}

}  // namespace

const std::vector<std::string>& pyperf_inherit_env() {
    static const std::vector<std::string> names{"PATH",       "HOME", "TEMP", "PYTHONPATH", "PYTHON_CPU_COUNT",
                                                "PYTHON_GIL", "LANG", "LC_*"};
    return names;
}

std::variant<PyperfParams, ParamProblem> parse_pyperf_params(const nlohmann::json& params) {
    return parse_params([&] {
        reject_unknown_params(params, pyperf_kind());
        PyperfParams p;
        p.python = required_string_param(params, "python", "the interpreter to run (a path, or a name in PATH)");
        p.script = required_string_param(params, "script", "the pyperf script to run");
        p.package = read_package(params);
        if (p.package && p.script.front() == '/') {
            invalid_param("script", "must be relative to the package's directory when `package` is set");
        }
        p.benchmark = read_benchmark(params);
        p.args = read_args(params);
        p.values = integer_param(params, "values", 3, 1, 1'000'000);
        p.warmups = integer_param(params, "warmups", 1, 0, 1'000'000);
        p.loops = integer_param(params, "loops", 0, 0, 1LL << 32);  // pyperf's MAX_LOOPS
        p.loop_min_time = number_param(params, "loop_min_time", 0.1, 1e-6, 60.0);
        p.env = read_env(params);
        p.inherit_env = read_inherit_env(params, pyperf_inherit_env());
        return p;
    });
}

Kind pyperf_kind() {
    return declared_kind(
        "pyperf", "one pyperf worker process of a pyperf script (e.g. pyperformance's bm_*/run_benchmark.py)",
        {
            {"python", ParamType::string, true, "the interpreter: a path, or a name looked up in the worker's PATH"},
            {"script", ParamType::string, true,
             "the pyperf script (relative to `package`'s directory when that is set)"},
            {"package", ParamType::string, false,
             "a package of the case's interpreter whose directory `script` is relative to, e.g. \"pyperformance\""},
            {"benchmark", ParamType::string, false,
             "the benchmark to run when the script defines several (default: the first one it defines)"},
            {"args", ParamType::string_list, false, "the script's own arguments, e.g. [\"--iterations\", \"5\"]"},
            {"values", ParamType::integer, false, "measured values of the worker (pyperf's --values, default 3)"},
            {"warmups", ParamType::integer, false, "warm-up values of the worker (pyperf's --warmups, default 1)"},
            {"loops", ParamType::integer, false,
             "loops per value, fixed; 0 (default): a pyperf calibration process finds them first, in each round"},
            {"loop_min_time", ParamType::number, false,
             "seconds a value lasts at least when loops are calibrated (pyperf's --min-time, default 0.1)", true},
            {"env", ParamType::string_map, false, "environment variables set in the child, over inherited ones"},
            {"inherit_env", ParamType::string_list, false,
             "variables copied from the worker's environment; all others are dropped. A trailing '*' matches a prefix. "
             "Default, pyperf's own list: PATH HOME TEMP PYTHONPATH PYTHON_CPU_COUNT PYTHON_GIL LANG LC_*"},
        },
        &parse_pyperf_params);
}

}  // namespace perfmatrix::python
