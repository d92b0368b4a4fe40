#include "measure/python/pyperf_child.hpp"

#include "measure/python/reason_text.hpp"
#include "measure/system/signal_names.hpp"

#include <fmt/format.h>

namespace perfmatrix::python {

ProcessResult run_pyperf_child(const ProcessSpec& spec, double limit, const RunContext& ctx) {
    WatchSpec watch;
    watch.timeout = limit;
    watch.should_stop = ctx.should_stop;
    return run_process(spec, watch);
}

std::string error_text(const ProcessResult& r) {
    std::string note = output_note("stderr", r.stderr_tail);
    return note.empty() ? output_note("stdout", r.stdout_tail) : note;
}

std::optional<CaseOutcome> child_failure(const ProcessResult& r, const std::string& what, double limit) {
    switch (r.ending) {
        case Ending::exited:
            if (r.exit_code == 0) return std::nullopt;
            return CaseOutcome(status::nonzero_exit,
                               fmt::format("{} exited with code {}{}", what, r.exit_code, error_text(r)));
        case Ending::spawn_failed: {
            const SpawnError e = r.spawn_error.value_or(SpawnError{0, false, "spawn failed"});
            return CaseOutcome(e.program_problem ? status::exec_failed : status::error, e.message);
        }
        case Ending::cancelled: return CaseOutcome(status::interrupted, "cancelled; killed process group");
        case Ending::timed_out:
            return CaseOutcome(status::timeout, fmt::format("{} did not finish within {:.1f} s; killed process group{}",
                                                            what, limit, error_text(r)));
        case Ending::signaled:
            return CaseOutcome(status::signaled,
                               fmt::format("{} was killed by {}{}", what, describe_signal(r.signal), error_text(r)));
    }
    return CaseOutcome(status::error, what + " ended in an unknown way");
}

}  // namespace perfmatrix::python
