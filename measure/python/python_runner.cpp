#include "measure/python/python_runner.hpp"

#include "measure/params_runner.hpp"
#include "measure/python/harness_command.hpp"
#include "measure/python/harness_location.hpp"
#include "measure/python/harness_outcome.hpp"
#include "measure/python/harness_session.hpp"
#include "measure/python/python_params.hpp"
#include "measure/system/process.hpp"
#include "measure/system/unique_fd.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace perfmatrix::python {
namespace {

CaseOutcome failure(const char* status_, std::string reason) {
    CaseOutcome outcome;
    outcome.status = status_;
    outcome.reason = std::move(reason);
    return outcome;
}

// The interpreter's file does not exist (or is not in PATH): not one that exists but fails.
bool interpreter_missing(const ProcessResult& r) {
    return r.ending == Ending::spawn_failed && r.spawn_error && r.spawn_error->error == ENOENT;
}

// CPython stops at start-up, before the harness runs, when PYTHONMALLOC names an allocator this
// build lacks: a free-threaded build has only mimalloc, and mimalloc came in 3.13. The value was
// one of the parameter's choices, so the build, not the job, cannot run it: a skip, as PyPy is.
std::optional<std::string> allocator_refused(const ProcessResult& r, const RuntimeSettings& runtime) {
    constexpr std::string_view fatal = "PYTHONMALLOC: unknown allocator";
    if (!runtime.pymalloc || r.ending != Ending::exited || r.exit_code == 0) return std::nullopt;
    if (r.stderr_tail.find(fatal) == std::string::npos) return std::nullopt;
    return fmt::format(
        "this interpreter has no PYTHONMALLOC={} allocator (a free-threaded build has only mimalloc, "
        "and mimalloc needs 3.13+): Python stopped at start-up with \"{}\"",
        *runtime.pymalloc, fatal);
}

WatchSpec watch_harness(int protocol_fd, HarnessSession& session, const RunContext& ctx) {
    WatchSpec watch;
    watch.input_fd = protocol_fd;
    watch.on_input = [&session](std::string_view data) { session.feed(data); };
    watch.deadline = [&session]() -> std::optional<Clock::time_point> { return session.deadline(); };
    // A harness that broke the protocol is stopped at once: nothing it sends after that counts.
    watch.should_stop = [&session, &ctx] { return session.failed() || (ctx.should_stop && ctx.should_stop()); };
    return watch;
}

CaseOutcome measure_workload(const Case& c, const PythonParams& params, const RunContext& ctx) {
    const HarnessLocation harness = find_harness();
    if (harness.path.empty()) return failure(status::error, harness.error);

    HarnessCommand command = harness_command(params, c.settings, harness.path);
    Pipe protocol = make_pipe();
    command.process.pass_fd = protocol.write_end.get();
    HarnessSession session(c.settings, Clock::now());
    ChildProcess child(command.process);
    // Only the child holds the write end now, so the stream ends when it (and what it
    // started) is gone.
    protocol.write_end.reset();
    const ProcessResult result = child.wait(watch_harness(protocol.read_end.get(), session, ctx));
    if (params.skip_if_missing && interpreter_missing(result)) {
        return failure(status::skipped, fmt::format("python '{}' is not installed here (if_missing = \"skip\"): {}",
                                                    params.python, result.spawn_error->message));
    }
    if (auto refused = allocator_refused(result, params.runtime)) return failure(status::skipped, std::move(*refused));
    return harness_outcome(result, session, std::move(command.record), c.settings.timeout);
}

}  // namespace

std::unique_ptr<Runner> make_python_runner() { return params_runner(parse_python_params, measure_workload); }

}  // namespace perfmatrix::python
