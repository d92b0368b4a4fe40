#include "measure/sample_deadline.hpp"

#include <fmt/format.h>

namespace perfmatrix {

SampleDeadline::SampleDeadline(double timeout_seconds, const RunContext& ctx)
    : timeout_(timeout_seconds),
      until_(clock::now() +
             std::chrono::duration_cast<clock::duration>(std::chrono::duration<double>(timeout_seconds))),
      ctx_(&ctx) {}

bool SampleDeadline::poll() const {
    if (stopped()) return true;
    if (ctx_->should_stop && ctx_->should_stop())
        why_.store(Why::interrupted, std::memory_order_relaxed);
    else if (clock::now() >= until_)
        why_.store(Why::timeout, std::memory_order_relaxed);
    return stopped();
}

SampleResult SampleDeadline::failure() const {
    if (why_.load(std::memory_order_relaxed) == Why::interrupted)
        return SampleResult::failure(status::interrupted, "cancelled");
    return SampleResult::failure(status::timeout, fmt::format("sample did not finish within {} s", timeout_));
}

std::optional<SampleResult> SampleDeadline::expired() const {
    if (!poll()) return std::nullopt;
    return failure();
}

}  // namespace perfmatrix
