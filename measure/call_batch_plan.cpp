#include "measure/call_batch_plan.hpp"

#include "measure/batch_size_search.hpp"

#include <algorithm>

namespace perfmatrix {

std::variant<CallBatchPlan, SampleResult> plan_call_batch(const TimeCalls& time_calls, double min_batch_time,
                                                          std::uint64_t max_calls) {
    SampleResult failed;
    BatchSearch search;
    search.target = min_batch_time;
    search.max = max_calls;
    const auto found = search_batch_size(
        [&](std::uint64_t calls) -> std::optional<double> {
            auto r = time_calls(calls, std::max<std::uint64_t>(1, calls / 16));
            if (auto* failure = std::get_if<SampleResult>(&r)) {
                failed = std::move(*failure);
                return std::nullopt;
            }
            return std::get<double>(r);
        },
        search);
    if (!found) return failed;
    const double per_call = found->seconds / static_cast<double>(found->size);
    const auto check_every = per_call > 0 ? static_cast<std::uint64_t>(std::max(1.0, 1e-3 / per_call)) : found->size;
    return CallBatchPlan{found->size, std::min(found->size, check_every)};
}

}  // namespace perfmatrix
