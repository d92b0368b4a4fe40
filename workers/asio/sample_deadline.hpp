#pragma once
// When a sample must give up. In-process work cannot be killed, so the asio kinds ask this
// between inner operations: the sample's timeout (settings.timeout from its start) or a stop
// request from the worker.

#include "workers/runner.hpp"
#include "workers/sampling.hpp"

#include <chrono>
#include <optional>

namespace perfmatrix::asio_bench {

class SampleDeadline {
public:
    using clock = std::chrono::steady_clock;

    // Starts the clock now. ctx must outlive this object.
    SampleDeadline(double timeout_seconds, const RunContext& ctx);

    // The failure to report (timeout or interrupted), or nullopt while the sample may go on.
    // Calls ctx.should_stop, so only one thread may call it at a time.
    std::optional<SampleResult> expired() const;

    clock::time_point at() const { return until_; }

private:
    double timeout_;
    clock::time_point until_;
    const RunContext* ctx_;
};

}  // namespace perfmatrix::asio_bench
