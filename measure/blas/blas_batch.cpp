#include "measure/blas/blas_batch.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace perfmatrix::blas {
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
            return SampleResult::failure(status::timeout, fmt::format("timeout: {} of {} calls done after {:.3g} s", i,
                                                                      calls, seconds(BlasClock::now() - start)));
        }
    }
    return seconds(BlasClock::now() - start);
}

std::variant<CallBatchPlan, SampleResult> plan_batch(BlasWorkload& w, CallCounter& counter, double min_batch_time,
                                                     double timeout, const RunContext& ctx) {
    const auto deadline = deadline_after(timeout);
    return plan_call_batch(
        [&](std::uint64_t calls, std::uint64_t check_every) {
            return run_calls(w, counter, calls, check_every, deadline, ctx);
        },
        min_batch_time, UINT64_MAX);
}

}  // namespace perfmatrix::blas
