#include "workers/blas/blas_batch.hpp"

#include "workers/batch_size_search.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace perfmatrix {
namespace {

double seconds(BlasClock::duration d) { return std::chrono::duration<double>(d).count(); }

BlasClock::time_point deadline_after(double timeout) {
    return BlasClock::now() + std::chrono::duration_cast<BlasClock::duration>(std::chrono::duration<double>(timeout));
}

}  // namespace

std::variant<double, SampleResult> run_calls(BlasWorkload& w, CallCounter& counter, std::size_t calls,
                                             std::size_t check_every, BlasClock::time_point deadline,
                                             const RunContext& ctx) {
    const auto start = BlasClock::now();
    for (std::size_t i = 1; i <= calls; ++i) {
        w.call(counter.next++);
        if (i % check_every != 0 && i != calls) continue;
        // In-process work cannot be killed from outside, so it polls; the checks are about
        // 1 ms of work apart, which keeps their cost far below timer resolution of a batch.
        if (ctx.should_stop && ctx.should_stop()) return SampleResult::failure(status::interrupted, "cancelled");
        if (BlasClock::now() > deadline) {
            return SampleResult::failure(
                status::timeout, fmt::format("timeout: {} of {} calls done after {:.3g} s", i, calls,
                                             seconds(BlasClock::now() - start)));
        }
    }
    return seconds(BlasClock::now() - start);
}

std::variant<BatchPlan, SampleResult> plan_batch(BlasWorkload& w, CallCounter& counter, double min_batch_time,
                                                 double timeout, const RunContext& ctx) {
    const auto deadline = deadline_after(timeout);
    SampleResult failed;
    BatchSearch search;
    search.target = min_batch_time;
    const auto found = search_batch_size(
        [&](std::uint64_t calls) -> std::optional<double> {
            auto r = run_calls(w, counter, calls, std::max<std::uint64_t>(1, calls / 16), deadline, ctx);
            if (auto* failure = std::get_if<SampleResult>(&r)) {
                failed = std::move(*failure);
                return std::nullopt;
            }
            return std::get<double>(r);
        },
        search);
    if (!found) return failed;
    // Deadline and stop checks about 1 ms of work apart (run_calls says why).
    const double per_call = found->seconds / static_cast<double>(found->size);
    const std::size_t check_every =
        per_call > 0 ? static_cast<std::size_t>(std::max(1.0, 1e-3 / per_call)) : found->size;
    return BatchPlan{found->size, std::min<std::size_t>(found->size, check_every)};
}

}  // namespace perfmatrix
