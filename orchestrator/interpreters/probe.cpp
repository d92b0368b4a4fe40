#include "orchestrator/interpreters/probe.hpp"

#include "orchestrator/helpers/helper_command.hpp"
#include "orchestrator/interpreters/probe_script.hpp"

#include <fmt/format.h>

#include <stdlib.h>
#include <string.h>

#include <array>
#include <exception>
#include <fstream>
#include <memory>
#include <string_view>
#include <vector>

namespace perfmatrix {
namespace {

struct ChildRun {
    HelperRun result;
    std::string failure;  // empty when it exited 0
};

// The first and last non-empty lines of an error stream: a traceback ends with its gist, a
// pyenv shim's complaint starts with it.
std::string gist(std::string_view text) {
    std::vector<std::string_view> lines;
    while (!text.empty()) {
        const auto end = text.find('\n');
        auto line = text.substr(0, end);
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
            line.remove_suffix(1);
        while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
        if (!line.empty()) lines.push_back(line);
        if (end == std::string_view::npos) break;
        text.remove_prefix(end + 1);
    }
    if (lines.empty()) return "";
    if (lines.size() == 1) return std::string(lines.front());
    return fmt::format("{} | {}", lines.front(), lines.back());
}

std::string failure_text(const HelperRun& r, double timeout) {
    switch (r.end) {
        case HelperRun::End::exited: {
            if (r.exit_code == 0) return "";
            const auto why = gist(r.stderr_tail);
            return why.empty() ? fmt::format("exited with code {}", r.exit_code)
                               : fmt::format("exited with code {}: {}", r.exit_code, why);
        }
        case HelperRun::End::signaled: return fmt::format("killed by signal {} ({})", r.signal, ::strsignal(r.signal));
        case HelperRun::End::timed_out: return fmt::format("no answer within {} s (killed)", timeout);
        case HelperRun::End::stopped: return "cancelled";
        case HelperRun::End::spawn_failed: return r.spawn_error.empty() ? "could not be started" : r.spawn_error;
    }
    return "failed";
}

ChildRun run_child(std::vector<std::string> argv, double timeout) {
    HelperCommand command;
    command.argv = std::move(argv);
    command.timeout = timeout;
    command.keep_lines = 0;
    command.keep_bytes = 64 * 1024;  // the probe's line is ~500 bytes; room for chatter around it
    ChildRun run;
    run.result = run_helper(command);
    run.failure = failure_text(run.result, timeout);
    return run;
}

std::vector<std::string> python_argv(const std::string& program, const std::vector<std::string>& flags,
                                     const std::string& source) {
    std::vector<std::string> argv{program};
    argv.insert(argv.end(), flags.begin(), flags.end());
    argv.push_back("-c");
    argv.push_back(source);
    return argv;
}

// Python 2 rejects -I ("Unknown option: -I" and usage, exit 2).
bool rejected_isolation_flag(const ChildRun& run) {
    return run.result.end == HelperRun::End::exited && run.result.exit_code == 2 &&
           run.result.stderr_tail.find("-I") != std::string::npos;
}

std::string real_path(const std::string& path) {
    const std::unique_ptr<char, decltype(&::free)> resolved(::realpath(path.c_str(), nullptr), &::free);
    return resolved ? std::string(resolved.get()) : std::string();
}

// Fills executable from the build, or problem.
void resolve_executable(Interpreter& in) {
    const auto& reported = in.build->executable;
    if (reported.empty() || reported.front() != '/') {
        in.problem = fmt::format("reports no usable sys.executable ('{}')", reported);
        in.build.reset();
        return;
    }
    if (in.build->venv) {
        in.executable = reported;
        return;
    }
    in.executable = real_path(reported);
    if (in.executable.empty()) {
        in.problem = fmt::format("its sys.executable '{}' does not resolve to a file", reported);
        in.build.reset();
    }
}

Interpreter probe_or_throw(const std::string& path, const ProbeOptions& options) {
    Interpreter in;
    in.found_as = {path};
    in.shim = is_script(path);
    in.isolation_flags = {"-I"};
    auto run = run_child(python_argv(path, in.isolation_flags, probe_source()), options.timeout);
    if (rejected_isolation_flag(run)) {
        in.isolation_flags = {"-E", "-s"};
        run = run_child(python_argv(path, in.isolation_flags, probe_source()), options.timeout);
    }
    if (!run.failure.empty()) {
        in.problem = run.failure;
        return in;
    }
    auto parsed = parse_probe_output(run.result.stdout_tail);
    if (auto* problem = std::get_if<std::string>(&parsed)) {
        in.problem = std::move(*problem);
        return in;
    }
    in.build = std::get<InterpreterBuild>(std::move(parsed));
    resolve_executable(in);
    return in;
}

}  // namespace

bool is_script(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::array<char, 2> head{};
    return in.read(head.data(), head.size()) && head[0] == '#' && head[1] == '!';
}

Interpreter probe_interpreter(const std::string& path, const ProbeOptions& options) {
    try {
        return probe_or_throw(path, options);
    } catch (const std::exception& e) {
        // Only the measurer's own trouble (no pipes, no threads) gets here.
        Interpreter in;
        in.found_as = {path};
        in.problem = fmt::format("could not be probed: {}", e.what());
        return in;
    }
}

ModuleCheck check_module(const Interpreter& interpreter, std::string_view module, double timeout) {
    ModuleCheck check;
    try {
        const auto run = run_child(python_argv(interpreter.executable, interpreter.isolation_flags,
                                               import_check_source(module)),
                                   timeout);
        if (!run.failure.empty()) {
            check.state = ModuleCheck::State::failed;
            check.reason = run.failure;
            return check;
        }
        return parse_import_output(run.result.stdout_tail);
    } catch (const std::exception& e) {
        check.state = ModuleCheck::State::failed;
        check.reason = fmt::format("could not be checked: {}", e.what());
        return check;
    }
}

}  // namespace perfmatrix
