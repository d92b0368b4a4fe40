#include "workers/memory/stop_check.hpp"

#include <fmt/format.h>

namespace perfmatrix::memory {

StopCheck::StopCheck(double timeout_seconds, const RunContext& ctx)
    : deadline_(std::chrono::steady_clock::now() +
                std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                    std::chrono::duration<double>(timeout_seconds))),
      timeout_(timeout_seconds),
      ctx_(ctx) {}

bool StopCheck::poll_leader() {
    if (stopped()) return true;
    if (ctx_.should_stop && ctx_.should_stop()) {
        why_.store(Why::interrupted, std::memory_order_relaxed);
    } else if (std::chrono::steady_clock::now() > deadline_) {
        why_.store(Why::timeout, std::memory_order_relaxed);
    }
    return stopped();
}

SampleResult StopCheck::failure() const {
    if (why_.load(std::memory_order_relaxed) == Why::interrupted) {
        return SampleResult::failure(status::interrupted, "cancelled");
    }
    return SampleResult::failure(status::timeout, fmt::format("sample ran past its timeout of {} s", timeout_));
}

}  // namespace perfmatrix::memory
