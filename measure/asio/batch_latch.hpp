#pragma once
// The end of a batch run by io threads: handlers count down, the last one stamps the time,
// and the measuring thread waits for it while watching the sample's deadline. The stamp is
// taken by the last handler, so the measuring thread's wake-up latency is not measured.

#include "measure/sample_deadline.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>

namespace perfmatrix::asio_bench {

class BatchLatch {
public:
    using clock = std::chrono::steady_clock;

    // Before the batch starts: expect `count` count_down calls.
    void arm(std::uint64_t count);
    // From any thread; the last call stamps finished() and wakes wait().
    void count_down();
    // Blocks until all counted down (nullopt) or the deadline's failure, checking the
    // deadline every 10 ms.
    std::optional<SampleResult> wait(const SampleDeadline& deadline);
    clock::time_point finished() const { return finished_; }

private:
    std::atomic<std::uint64_t> remaining_{0};
    std::mutex mutex_;
    std::condition_variable done_cv_;
    bool done_ = false;
    clock::time_point finished_{};
};

}  // namespace perfmatrix::asio_bench
