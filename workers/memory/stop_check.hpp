#pragma once
// Cancellation and the per-sample timeout for work done in this process, which nothing can
// kill from outside: the work polls between inner operations. Only one thread (the leader)
// polls RunContext::should_stop, which must never run concurrently with itself; the other
// threads read the flag the leader sets.

#include "workers/runner.hpp"
#include "workers/sampling.hpp"

#include <atomic>
#include <chrono>

namespace perfmatrix::memory {

class StopCheck {
public:
    // The timeout counts from construction: make one at the start of each sample.
    StopCheck(double timeout_seconds, const RunContext& ctx);

    bool poll_leader();  // checks the clock and should_stop; true: stop now
    bool stopped() const { return why_.load(std::memory_order_relaxed) != Why::none; }
    SampleResult failure() const;  // status::timeout or status::interrupted, with a reason

private:
    enum class Why { none, timeout, interrupted };
    std::chrono::steady_clock::time_point deadline_;
    double timeout_;
    const RunContext& ctx_;
    std::atomic<Why> why_{Why::none};
};

}  // namespace perfmatrix::memory
