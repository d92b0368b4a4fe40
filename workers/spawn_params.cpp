#include "workers/spawn_params.hpp"

#include "workers/system/signal_names.hpp"

#include <fmt/format.h>

#include <limits>

namespace perfmatrix {
namespace {

using json = nlohmann::json;

// Thrown inside the parser only; parse_spawn_params turns it into a ParamProblem.
struct Invalid {
    ParamProblem problem;
};

[[noreturn]] void invalid(const char* param, std::string message) {
    throw Invalid{ParamProblem{param, std::move(message)}};
}

std::string string_param(const json& v, const char* name) {
    if (!v.is_string()) invalid(name, "expected a string");
    return v.get<std::string>();
}

std::vector<std::string> string_list_param(const json& v, const char* name) {
    if (!v.is_array()) invalid(name, "expected a list of strings");
    std::vector<std::string> out;
    for (const auto& item : v) {
        if (!item.is_string()) invalid(name, "expected a list of strings");
        out.push_back(item.get<std::string>());
    }
    return out;
}

std::vector<std::pair<std::string, std::string>> env_param(const json& v, const char* name) {
    if (!v.is_object()) invalid(name, "expected a table of strings");
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& [key, value] : v.items()) {
        if (key.empty() || key.find('=') != std::string::npos) {
            invalid(name, fmt::format("'{}' is not a valid environment variable name", key));
        }
        if (!value.is_string()) invalid(name, fmt::format("value of '{}' must be a string", key));
        out.emplace_back(key, value.get<std::string>());
    }
    return out;
}

long long integer_param(const json& v, const char* name, long long lo, long long hi) {
    if (!v.is_number_integer()) invalid(name, "expected an integer");
    const auto value = v.get<long long>();
    if (value < lo || value > hi) invalid(name, fmt::format("must be between {} and {}", lo, hi));
    return value;
}

std::regex compile_pattern(const std::string& pattern) {
    try {
        return std::regex(pattern, std::regex::ECMAScript);
    } catch (const std::regex_error& e) {
        invalid("ready_pattern", fmt::format("not a valid ECMAScript regex: {}", e.what()));
    }
}

void parse_argv(const json& params, SpawnParams& out) {
    if (!params.contains("argv")) invalid("argv", "required: the program and its arguments");
    out.argv = string_list_param(params.at("argv"), "argv");
    if (out.argv.empty() || out.argv.front().empty()) invalid("argv", "must name a program");
}

void parse_environment(const json& params, SpawnParams& out) {
    if (params.contains("env")) out.env = env_param(params.at("env"), "env");
    if (params.contains("unset_env")) out.unset_env = string_list_param(params.at("unset_env"), "unset_env");
    if (params.contains("clear_env")) {
        if (!params.at("clear_env").is_boolean()) invalid("clear_env", "expected true or false");
        out.clear_env = params.at("clear_env").get<bool>();
    }
    if (params.contains("cwd")) out.cwd = string_param(params.at("cwd"), "cwd");
}

void parse_lifecycle(const json& params, SpawnParams& out) {
    if (params.contains("ready_pattern")) {
        out.ready_pattern = string_param(params.at("ready_pattern"), "ready_pattern");
        out.ready_regex = compile_pattern(*out.ready_pattern);
    }
    if (params.contains("teardown_signal")) {
        const auto name = string_param(params.at("teardown_signal"), "teardown_signal");
        const auto signo = parse_signal_name(name);
        if (!signo) invalid("teardown_signal", fmt::format("unknown signal '{}' (use TERM, INT, KILL, HUP, USR1, ...)", name));
        if (!out.ready_pattern) invalid("teardown_signal", "needs ready_pattern: the signal is sent once the child is ready");
        out.teardown_signal = *signo;
    }
}

void parse_outcome(const json& params, SpawnParams& out) {
    if (params.contains("expect_exit")) {
        out.expect_exit = static_cast<int>(integer_param(params.at("expect_exit"), "expect_exit", 0, 255));
    }
    if (params.contains("capture_bytes")) {
        out.capture_bytes = static_cast<std::size_t>(integer_param(
            params.at("capture_bytes"), "capture_bytes", 0, static_cast<long long>(kMaxCaptureBytes)));
    }
}

void reject_unknown(const json& params) {
    const Kind spec = spawn_kind();
    for (const auto& [key, value] : params.items()) {
        if (!spec.find_param(key)) {
            throw Invalid{ParamProblem{key, fmt::format("unknown parameter '{}' for kind spawn", key)}};
        }
    }
}

}  // namespace

std::variant<SpawnParams, ParamProblem> parse_spawn_params(const nlohmann::json& params) {
    try {
        if (!params.is_object()) invalid("", "spawn parameters must be a table");
        reject_unknown(params);
        SpawnParams out;
        parse_argv(params, out);
        parse_environment(params, out);
        parse_lifecycle(params, out);
        parse_outcome(params, out);
        return out;
    } catch (const Invalid& e) {
        return e.problem;
    }
}

Kind spawn_kind() {
    Kind spec;
    spec.name = "spawn";
    spec.summary = "start a process and time it until it exits (optionally until ready, then teardown)";
    spec.params = {
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
    };
    spec.check = [](const nlohmann::json& params) -> std::optional<ParamProblem> {
        auto parsed = parse_spawn_params(params);
        if (auto* problem = std::get_if<ParamProblem>(&parsed)) return *problem;
        return std::nullopt;
    };
    return spec;
}

}  // namespace perfmatrix
