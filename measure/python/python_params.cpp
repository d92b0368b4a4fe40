#include "measure/python/python_params.hpp"

#include "measure/param_reading.hpp"
#include "measure/python/interpreter_flags.hpp"
#include "measure/text_params.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <limits>

namespace perfmatrix::python {
namespace {

// Names passed as argv elements to the harness's argparse: a leading '-' would be read as an
// option, and '=' would end a --param key.
bool is_plain_name(const std::string& s) {
    if (s.empty() || s.front() == '-' || s.front() == '.') return false;
    return std::all_of(s.begin(), s.end(),
                       [](unsigned char c) { return std::isalnum(c) != 0 || c == '_' || c == '.' || c == '-'; });
}

std::string read_workload(const nlohmann::json& params) {
    std::string w = required_string_param(params, "workload", "the harness workload to run (see harness.py --list)");
    if (!is_plain_name(w))
        invalid_param("workload", fmt::format("'{}' is not a workload name (letters, digits, _ . -)", w));
    return w;
}

std::vector<std::pair<std::string, std::string>> read_args(const nlohmann::json& params) {
    auto args = string_map_param(params, "args");
    for (const auto& [key, value] : args) {
        if (!is_plain_name(key))
            invalid_param("args", fmt::format("'{}' is not a workload parameter name (letters, digits, _ . -)", key));
    }
    return args;
}

// -I by default. A setting made through a PYTHON* variable (pymalloc, jit) needs Python to read
// them, which -I and -E forbid: its default is -s instead, -I without its -E (the child's
// environment holds only named variables anyway), and flags that would ignore it are refused.
std::vector<std::string> read_flags(const nlohmann::json& params, const RuntimeSettings& runtime) {
    const char* needs_env = setting_needing_python_env(runtime);
    auto flags =
        optional_string_list_param(params, "flags").value_or(std::vector<std::string>{needs_env ? "-s" : "-I"});
    if (auto problem = flags_problem(flags)) invalid_param("flags", *problem);
    if (needs_env && ignores_python_env(flags)) {
        invalid_param(needs_env, fmt::format("has no effect: under -I or -E Python ignores {}; leave flags out (they "
                                             "become [\"-s\"]) or give flags without -I and -E",
                                             runtime.pymalloc ? "PYTHONMALLOC" : "PYTHON_JIT"));
    }
    return flags;
}

// "random", or the decimal text of an integer Python accepts as a seed.
std::string seed_text(const std::string& text) {
    if (text == "random") return text;
    const bool digits = !text.empty() && text.size() <= 10 &&
                        std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
    const unsigned long long value = digits ? std::stoull(text) : 0;
    if (!digits || value > std::numeric_limits<std::uint32_t>::max()) {
        invalid_param("hash_seed", fmt::format("'{}' is not \"random\" or an integer from 0 to 4294967295", text));
    }
    return std::to_string(value);
}

std::optional<std::string> read_hash_seed(const nlohmann::json& params, const std::vector<std::string>& flags) {
    const auto given = optional_string_param(params, "hash_seed");
    if (!ignores_python_env(flags)) return seed_text(given.value_or("0"));
    if (given) {
        seed_text(*given);  // a bad value is reported as such first
        invalid_param("hash_seed",
                      "has no effect: under -I or -E Python ignores PYTHONHASHSEED; use flags without "
                      "them (e.g. [\"-s\"]: the child's environment is cleaned anyway) or leave hash_seed out");
    }
    return std::nullopt;
}

std::vector<std::pair<std::string, std::string>> read_env(const nlohmann::json& params,
                                                          const std::vector<std::string>& flags) {
    auto env = string_map_param(params, "env");
    for (const auto& [name, value] : env) {
        check_variable_name("env", name);
        if (name == "PYTHONHASHSEED") invalid_param("env", "set PYTHONHASHSEED with the hash_seed parameter");
        if (name.rfind("PYTHON", 0) == 0 && ignores_python_env(flags)) {
            invalid_param("env",
                          fmt::format("'{}' has no effect: under -I or -E Python ignores PYTHON* variables", name));
        }
    }
    return env;
}

}  // namespace

const std::vector<std::string>& default_inherit_env() {
    static const std::vector<std::string> names{"PATH",   "HOME",     "TMPDIR",     "TEMP",  "TMP",  "LANG",
                                                "LC_ALL", "LC_CTYPE", "OPENBLAS_*", "OMP_*", "MKL_*"};
    return names;
}

std::vector<std::string> read_inherit_env(const nlohmann::json& params, const std::vector<std::string>& fallback) {
    auto names = optional_string_list_param(params, "inherit_env").value_or(fallback);
    for (const auto& name : names) {
        check_variable_name("inherit_env", name);
        const auto star = name.find('*');
        if (star != std::string::npos && (star + 1 != name.size() || star == 0)) {
            invalid_param("inherit_env", fmt::format("'{}': '*' may only end a name prefix, as in \"OMP_*\"", name));
        }
    }
    return names;
}

std::variant<PythonParams, ParamProblem> parse_python_params(const nlohmann::json& params) {
    return parse_params([&] {
        reject_unknown_params(params, python_kind());
        PythonParams p;
        p.python = required_string_param(params, "python", "the interpreter to run (a path, or a name in PATH)");
        p.workload = read_workload(params);
        p.args = read_args(params);
        p.runtime = read_runtime_settings(params);
        p.flags = read_flags(params, p.runtime);
        p.hash_seed = read_hash_seed(params, p.flags);
        p.env = read_env(params, p.flags);
        check_env_against(p.runtime, p.env);
        p.inherit_env = read_inherit_env(params, default_inherit_env());
        p.sample_time = number_param(params, "sample_time", 0.1, 1e-4, 60.0);
        p.loops = integer_param(params, "loops", 0, 0, 1LL << 40);
        p.skip_if_missing = choice_param(params, "if_missing", "fail", {"fail", "skip"}) == "skip";
        return p;
    });
}

std::vector<std::string> python_implied_requires(const nlohmann::json& params) {
    if (!params.is_object()) return {};
    const auto args = params.find("args");
    if (args == params.end() || !args->is_object()) return {};
    const auto device = args->find("device");
    if (device == args->end() || !device->is_string()) return {};
    const auto& name = device->get_ref<const std::string&>();
    if (name == "cuda" || name.rfind("cuda:", 0) == 0) return {"gpu"};
    return {};
}

Kind python_kind() {
    Kind k = declared_kind(
        "python_workload", "a workload of python/harness.py, timed by the harness inside the interpreter",
        {
            {"python", ParamType::string, true, "the interpreter: a path, or a name looked up in the worker's PATH"},
            {"workload", ParamType::string, true,
             "the harness workload to run (`python harness.py --list` shows them)"},
            {"args", ParamType::string_map, false, "workload parameters, passed as --param KEY=VALUE"},
            {"flags", ParamType::string_list, false,
             "interpreter flags before the script (default [\"-I\"], [\"-s\"] with pymalloc or jit): -I -S -E -s -B -u "
             "-O -OO, or \"-X\", \"<option>\""},
            {"hash_seed", ParamType::string, false,
             "PYTHONHASHSEED: \"random\" or 0..4294967295 (default \"0\"); not allowed with -I or -E, under which "
             "Python ignores it (the seed is then random and recorded so)"},
            {"env", ParamType::string_map, false, "environment variables set in the child, over inherited ones"},
            {"inherit_env", ParamType::string_list, false,
             "variables copied from the worker's environment; all others are dropped. A trailing '*' matches a prefix. "
             "Default: PATH HOME TMPDIR TEMP TMP LANG LC_ALL LC_CTYPE OPENBLAS_* OMP_* MKL_*"},
            {"sample_time", ParamType::number, false,
             "seconds one sample should last: the harness repeats the workload's call until it does (default 0.1)",
             true},
            {"loops", ParamType::integer, false, "calls per sample, fixed; 0 (default): calibrated to sample_time"},
            {"if_missing", ParamType::string, false,
             "\"fail\" (default): an interpreter that does not exist ends the case exec_failed; \"skip\": skipped, "
             "with that reason (for one a machine may lack, such as pypy3)"},
        },
        &parse_python_params);
    for (auto& spec : runtime_param_specs()) k.params.push_back(std::move(spec));
    k.implied_requires = python_implied_requires;
    return k;
}

}  // namespace perfmatrix::python
