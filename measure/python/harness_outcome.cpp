#include "measure/python/harness_outcome.hpp"

#include "measure/python/reason_text.hpp"
#include "measure/system/signal_names.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace perfmatrix::python {
namespace {

using Entries = std::vector<std::pair<std::string, std::string>>;

void merge_environment(Entries record, Entries harness, CaseOutcome& outcome) {
    outcome.environment = std::move(record);
    const auto own = outcome.environment.size();
    for (auto& kv : harness) {
        const auto end = outcome.environment.begin() + static_cast<std::ptrdiff_t>(own);
        const bool taken = std::any_of(outcome.environment.begin(), end,
                                       [&](const auto& e) { return e.first == kv.first; });
        if (!taken) outcome.environment.push_back(std::move(kv));
    }
}

std::string stderr_note(const ProcessResult& r) { return output_note("stderr", r.stderr_tail); }

// How far the harness got, for reasons of runs that ended early.
std::string progress(const HarnessSession& s) {
    const HarnessLog& log = s.log();
    std::string text = fmt::format("after {} warm-ups and {} samples", log.warmups, log.measured);
    if (s.cut_mid_line()) text += ", in the middle of a protocol line";
    return text;
}

std::string exit_text(const ProcessResult& r) {
    if (r.ending == Ending::signaled) return fmt::format("was killed by {}", describe_signal(r.signal));
    return fmt::format("exited with code {}", r.exit_code);
}

void set(CaseOutcome& o, const char* status_, std::string reason) {
    o.status = status_;
    o.reason = std::move(reason);
}

void after_terminal(const ProcessResult& r, const TerminalEvent& t, CaseOutcome& o) {
    if (t.event != "done") {
        const char* s = t.event == "skip"           ? status::skipped
                        : t.event == "wrong_result" ? status::wrong_result
                                                    : status::error;
        return set(o, s, t.reason);
    }
    if (r.ending == Ending::exited && r.exit_code == 0) return;  // ok
    set(o, status::error, fmt::format("the harness {} after 'done'{}", exit_text(r), stderr_note(r)));
}

void without_terminal(const ProcessResult& r, const HarnessSession& s, CaseOutcome& o) {
    const std::string what = fmt::format("the harness {} without finishing ({}){}", exit_text(r), progress(s),
                                         stderr_note(r));
    if (r.ending == Ending::signaled) return set(o, status::signaled, what);
    set(o, r.exit_code == 0 ? status::error : status::nonzero_exit, what);
}

void set_status(const ProcessResult& r, const HarnessSession& s, double timeout, CaseOutcome& o) {
    if (r.ending == Ending::spawn_failed) {
        const SpawnError e = r.spawn_error.value_or(SpawnError{0, false, "spawn failed"});
        return set(o, e.program_problem ? status::exec_failed : status::error, e.message);
    }
    if (s.failed()) {
        return set(o, status::error, fmt::format("harness protocol error: {}{}", *s.protocol_error(), stderr_note(r)));
    }
    if (r.ending == Ending::cancelled) return set(o, status::interrupted, "cancelled; killed process group");
    if (r.ending == Ending::timed_out) {
        return set(
            o, status::timeout,
            fmt::format("no event from the harness for {:.1f} s while waiting for {} ({}); killed process group{}",
                        s.log().warmups + s.log().measured > 0 ? timeout : 2 * timeout, s.awaited(), progress(s),
                        stderr_note(r)));
    }
    if (const auto& t = s.log().terminal) return after_terminal(r, *t, o);
    without_terminal(r, s, o);
}

}  // namespace

CaseOutcome harness_outcome(const ProcessResult& r, HarnessSession& session, Entries record, double timeout) {
    CaseOutcome outcome;
    set_status(r, session, timeout, outcome);
    HarnessLog log = session.take_log();
    outcome.samples = std::move(log.samples);
    outcome.components = std::move(log.components);
    if (r.ending != Ending::spawn_failed)
        outcome.samples.push_back(Sample{"max_rss", "bytes", 0, false, r.usage.max_rss});
    merge_environment(std::move(record), std::move(log.environment), outcome);
    return outcome;
}

}  // namespace perfmatrix::python
