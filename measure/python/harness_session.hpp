#pragma once
// One harness run as the runner sees it while the child lives: protocol bytes in, events
// applied to a HarnessLog, and the moment by which the next event must arrive.
//
// Timeout: settings.timeout is per sample, so every event moves the deadline to
// (that moment + timeout). Before the first sample the harness also starts the interpreter,
// imports the workload and calibrates its loop count, so it gets twice that.

#include "measure/model/case.hpp"
#include "measure/python/harness_events.hpp"
#include "measure/python/protocol_lines.hpp"
#include "measure/system/process.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace perfmatrix::python {

class HarnessSession {
public:
    HarnessSession(const CaseSettings& settings, Clock::time_point start);

    // Never throws: the first protocol error is kept, and everything after it is ignored
    // (the runner kills the harness when failed() turns true).
    void feed(std::string_view data, Clock::time_point now = Clock::now());
    Clock::time_point deadline() const;

    bool failed() const { return error_.has_value(); }
    // "line N: what was wrong", when failed().
    const std::optional<std::string>& protocol_error() const { return error_; }
    // The stream ended in the middle of a line (the harness died while writing one).
    bool cut_mid_line() const { return !lines_.unterminated().empty(); }
    // What the harness owed when the deadline passed, for the timeout reason.
    std::string awaited() const;

    const HarnessLog& log() const { return log_; }
    HarnessLog take_log() { return std::move(log_); }

private:
    // Applies one line; on a protocol error records it and throws ProtocolError.
    void on_line(std::string_view line, Clock::time_point now);

    CaseSettings settings_;
    Clock::duration timeout_;
    Clock::time_point last_event_;
    ProtocolLines lines_;
    HarnessLog log_;
    std::optional<std::string> error_;
};

}  // namespace perfmatrix::python
