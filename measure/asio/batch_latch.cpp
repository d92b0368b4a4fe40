#include "measure/asio/batch_latch.hpp"

namespace perfmatrix::asio_bench {

void BatchLatch::arm(std::uint64_t count) {
    std::lock_guard lock(mutex_);
    done_ = count == 0;
    remaining_.store(count, std::memory_order_release);
}

void BatchLatch::count_down() {
    if (remaining_.fetch_sub(1, std::memory_order_acq_rel) != 1) return;
    const auto now = clock::now();
    std::lock_guard lock(mutex_);
    finished_ = now;
    done_ = true;
    done_cv_.notify_one();
}

std::optional<SampleResult> BatchLatch::wait(const SampleDeadline& deadline) {
    std::unique_lock lock(mutex_);
    while (!done_cv_.wait_for(lock, std::chrono::milliseconds(10), [this] { return done_; })) {
        lock.unlock();
        auto failure = deadline.expired();
        lock.lock();
        if (failure && !done_) return failure;
    }
    return std::nullopt;
}

}  // namespace perfmatrix::asio_bench
