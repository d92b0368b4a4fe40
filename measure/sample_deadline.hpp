#pragma once
// When a sample must give up. Work done inside the measuring process cannot be killed from
// outside, so in-process kinds ask this between inner operations: the sample's timeout
// (settings.timeout from the sample's start) or a stop request (RunContext::should_stop).
//
// Only one thread (the leader) may poll, since should_stop must never run concurrently with
// itself; other threads of a multi-threaded sample read stopped(), which the leader sets.

#include "measure/model/runner.hpp"
#include "measure/sampling.hpp"

#include <atomic>
#include <chrono>
#include <optional>

namespace perfmatrix {

class SampleDeadline {
public:
    using clock = std::chrono::steady_clock;

    // Starts the clock now. ctx must outlive this object.
    SampleDeadline(double timeout_seconds, const RunContext& ctx);

    bool poll() const;  // leader only: checks should_stop and the clock; true: stop now
    bool stopped() const { return why_.load(std::memory_order_relaxed) != Why::none; }
    SampleResult failure() const;  // status::timeout or status::interrupted, with a reason
    // poll(), as the failure to report (or nullopt while the sample may go on).
    std::optional<SampleResult> expired() const;
    clock::time_point at() const { return until_; }

private:
    enum class Why { none, timeout, interrupted };
    double timeout_;
    clock::time_point until_;
    const RunContext* ctx_;
    mutable std::atomic<Why> why_{Why::none};
};

}  // namespace perfmatrix
