#include "workers/blas/blas_batch.hpp"

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
    std::size_t calls = 1;
    for (;;) {
        auto r = run_calls(w, counter, calls, std::max<std::size_t>(1, calls / 16), deadline, ctx);
        if (auto* failure = std::get_if<SampleResult>(&r)) return std::move(*failure);
        const double t = std::get<double>(r);
        const double per_call = t / static_cast<double>(calls);
        const std::size_t check_every = per_call > 0 ? static_cast<std::size_t>(std::max(1.0, 1e-3 / per_call)) : calls;
        if (t >= min_batch_time) return BatchPlan{calls, std::min(calls, check_every)};
        // Aim 20% past the target, but grow at most 100x at a time: a very short first
        // batch says little about the per-call cost.
        const double want = t > 0 ? 1.2 * min_batch_time / per_call : 100.0 * static_cast<double>(calls);
        calls = static_cast<std::size_t>(std::clamp(want, static_cast<double>(calls) * 2, static_cast<double>(calls) * 100));
    }
}

}  // namespace perfmatrix
