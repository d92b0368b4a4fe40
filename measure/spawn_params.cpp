#include "measure/spawn_params.hpp"

#include "measure/param_reading.hpp"
#include "measure/system/signal_names.hpp"
#include "measure/text_params.hpp"

#include <fmt/format.h>

namespace perfmatrix {
namespace {

using json = nlohmann::json;

std::regex compile_pattern(const std::string& pattern) {
    try {
        return std::regex(pattern, std::regex::ECMAScript);
    } catch (const std::regex_error& e) {
        invalid_param("ready_pattern", fmt::format("not a valid ECMAScript regex: {}", e.what()));
    }
}

void parse_argv(const json& params, SpawnParams& out) {
    auto argv = optional_string_list_param(params, "argv");
    if (!argv) invalid_param("argv", "required: the program and its arguments");
    out.argv = std::move(*argv);
    if (out.argv.empty() || out.argv.front().empty()) invalid_param("argv", "must name a program");
}

void parse_environment(const json& params, SpawnParams& out) {
    out.env = string_map_param(params, "env");
    for (const auto& [name, value] : out.env) check_variable_name("env", name);
    out.unset_env = optional_string_list_param(params, "unset_env").value_or(std::vector<std::string>{});
    out.clear_env = boolean_param(params, "clear_env", out.clear_env);
    out.cwd = optional_string_param(params, "cwd").value_or("");
}

void parse_lifecycle(const json& params, SpawnParams& out) {
    out.ready_pattern = optional_string_param(params, "ready_pattern");
    if (out.ready_pattern) out.ready_regex = compile_pattern(*out.ready_pattern);
    if (const auto name = optional_string_param(params, "teardown_signal")) {
        const auto signo = parse_signal_name(*name);
        if (!signo) {
            invalid_param("teardown_signal",
                          fmt::format("unknown signal '{}' (use TERM, INT, KILL, HUP, USR1, ...)", *name));
        }
        if (!out.ready_pattern)
            invalid_param("teardown_signal", "needs ready_pattern: the signal is sent once the child is ready");
        out.teardown_signal = *signo;
    }
}

void parse_outcome(const json& params, SpawnParams& out) {
    out.expect_exit = static_cast<int>(integer_param(params, "expect_exit", out.expect_exit, 0, 255));
    out.capture_bytes = static_cast<std::size_t>(integer_param(params, "capture_bytes",
                                                               static_cast<long long>(out.capture_bytes), 0,
                                                               static_cast<long long>(kMaxCaptureBytes)));
}

}  // namespace

std::variant<SpawnParams, ParamProblem> parse_spawn_params(const nlohmann::json& params) {
    return parse_params([&] {
        reject_unknown_params(params, spawn_kind());
        SpawnParams out;
        parse_argv(params, out);
        parse_environment(params, out);
        parse_lifecycle(params, out);
        parse_outcome(params, out);
        return out;
    });
}

Kind spawn_kind() {
    return declared_kind(
        "spawn", "start a process and time it until it exits (optionally until ready, then teardown)",
        {
            {"argv", ParamType::string_list, true, "program and arguments; run directly, never through a shell"},
            {"env", ParamType::string_map, false, "environment variables to set in the child"},
            {"unset_env", ParamType::string_list, false, "environment variables to remove in the child"},
            {"clear_env", ParamType::boolean, false, "start from an empty environment (env still applies)"},
            {"cwd", ParamType::string, false, "working directory of the child"},
            {"ready_pattern", ParamType::string, false,
             "ECMAScript regex matched against each stdout line; the first match is ready_time"},
            {"teardown_signal", ParamType::string, false,
             "once ready, send this signal (TERM, INT, KILL, HUP, USR1, ...) to the child's process group "
             "and time until it is reaped; needs ready_pattern"},
            {"expect_exit", ParamType::integer, false, "exit code that counts as success (default 0)"},
            {"capture_bytes", ParamType::integer, false,
             "bytes of stdout/stderr tail kept for failure reasons (default 4096, at most 1 MiB)"},
        },
        &parse_spawn_params);
}

}  // namespace perfmatrix
