#pragma once
// A runner measures one benchmark kind. The worker loop (orchestrator/) owns MPI; runners
// see it only through RunContext, so measure/ builds and tests without a cluster.

#include "measure/model/case.hpp"
#include "measure/model/sample.hpp"

#include <functional>
#include <memory>
#include <string_view>

namespace perfmatrix {

struct RunContext {
    // Polled about every 10 ms while a child runs (possibly from a helper thread, never
    // concurrently with itself). Returning true cancels the case: its children are killed
    // and the outcome is status::interrupted.
    std::function<bool()> should_stop = [] { return false; };
    // Where the answer to should_stop may change, when known: a file descriptor that becomes
    // readable then (calling should_stop consumes it). With one, a supervisor sleeps on it
    // instead of waking every 10 ms to ask. -1: unknown.
    int wake_fd = -1;
};

class Runner {
public:
    virtual ~Runner() = default;
    virtual CaseOutcome run(const Case& c, const RunContext& ctx) = 0;
};

}  // namespace perfmatrix
