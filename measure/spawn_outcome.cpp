#include "measure/spawn_outcome.hpp"

#include "measure/system/signal_names.hpp"

#include <fmt/format.h>

namespace perfmatrix {
namespace {

double seconds_between(Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double>(b - a).count();
}

std::string trimmed(const std::string& s) {
    const auto end = s.find_last_not_of(" \t\r\n");
    return end == std::string::npos ? std::string() : s.substr(0, end + 1);
}

// "; stderr: <tail>" or nothing when the stream was empty.
std::string output_note(const char* stream, const std::string& tail) {
    const std::string t = trimmed(tail);
    return t.empty() ? std::string() : fmt::format("; {}: {}", stream, t);
}

bool ended_by_teardown(const ProcessResult& r, const SpawnParams& p) {
    return r.ending == Ending::signaled && p.teardown_signal != 0 && r.times.teardown_sent &&
           r.signal == p.teardown_signal;
}

std::vector<Metric> metrics(const ProcessResult& r, const SpawnParams& p) {
    const auto& t = r.times;
    std::vector<Metric> m{
        {"wall_time", "s", seconds_between(t.spawn_begin, t.reaped)},
        {"spawn_time", "s", seconds_between(t.spawn_begin, t.spawn_end)},
    };
    if (t.ready) m.push_back({"ready_time", "s", seconds_between(t.spawn_begin, *t.ready)});
    if (t.teardown_sent) m.push_back({"teardown_time", "s", seconds_between(*t.teardown_sent, t.reaped)});
    const auto& u = r.usage;
    m.insert(m.end(), {
                          {"user_time", "s", u.user_time},
                          {"sys_time", "s", u.sys_time},
                          {"max_rss", "bytes", u.max_rss},
                          {"minor_faults", "count", u.minor_faults},
                          {"major_faults", "count", u.major_faults},
                          {"voluntary_switches", "count", u.voluntary_switches},
                          {"involuntary_switches", "count", u.involuntary_switches},
                      });
    // Like Python's returncode: a child ended by the teardown signal reports -signal.
    const int code = ended_by_teardown(r, p) ? -r.signal : r.exit_code;
    m.push_back({"exit_code", "code", static_cast<double>(code)});
    return m;
}

SampleResult spawn_failure(const SpawnError& e) {
    return SampleResult::failure(e.program_problem ? status::exec_failed : status::error, e.message);
}

SampleResult timeout_failure(const ProcessResult& r, const SpawnParams& p, double timeout) {
    const char* waiting_for = (p.ready_regex && !r.times.ready) ? " (ready_pattern never matched)" : "";
    return SampleResult::failure(status::timeout,
                                 fmt::format("no exit after {:.1f} s{}; killed process group{}", timeout, waiting_for,
                                             output_note("stderr", r.stderr_tail)));
}

}  // namespace

SampleResult spawn_sample(const ProcessResult& r, const SpawnParams& p, double timeout) {
    switch (r.ending) {
        case Ending::spawn_failed: return spawn_failure(r.spawn_error.value_or(SpawnError{0, false, "spawn failed"}));
        case Ending::cancelled: return SampleResult::failure(status::interrupted, "cancelled; killed process group");
        case Ending::timed_out: return timeout_failure(r, p, timeout);
        case Ending::signaled:
            if (ended_by_teardown(r, p)) break;
            return SampleResult::failure(status::signaled, fmt::format("killed by {}{}", describe_signal(r.signal),
                                                                       output_note("stderr", r.stderr_tail)));
        case Ending::exited:
            if (r.exit_code == p.expect_exit) break;
            return SampleResult::failure(status::nonzero_exit,
                                         fmt::format("exit code {} (expected {}){}", r.exit_code, p.expect_exit,
                                                     output_note("stderr", r.stderr_tail)));
    }
    if (p.ready_regex && !r.times.ready) {
        return SampleResult::failure(status::error,
                                     fmt::format("exited (code {}) before ready_pattern '{}' matched{}", r.exit_code,
                                                 p.ready_pattern.value_or(""), output_note("stdout", r.stdout_tail)));
    }
    SampleResult ok;
    ok.metrics = metrics(r, p);
    return ok;
}

}  // namespace perfmatrix
