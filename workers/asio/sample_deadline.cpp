#include "workers/asio/sample_deadline.hpp"

#include <fmt/format.h>

namespace perfmatrix::asio_bench {

SampleDeadline::SampleDeadline(double timeout_seconds, const RunContext& ctx)
    : timeout_(timeout_seconds),
      until_(clock::now() + std::chrono::duration_cast<clock::duration>(std::chrono::duration<double>(timeout_seconds))),
      ctx_(&ctx) {}

std::optional<SampleResult> SampleDeadline::expired() const {
    if (ctx_->should_stop && ctx_->should_stop()) return SampleResult::failure(status::interrupted, "cancelled");
    if (clock::now() >= until_) {
        return SampleResult::failure(status::timeout, fmt::format("sample did not finish within {} s", timeout_));
    }
    return std::nullopt;
}

}  // namespace perfmatrix::asio_bench
