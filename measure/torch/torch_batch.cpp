#include "measure/torch/torch_batch.hpp"

#include "measure/call_batch_plan.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <optional>

namespace perfmatrix::torch_bench {
namespace {

// A batch of more calls than this would take hours even for the cheapest call.
constexpr std::uint64_t kMaxCalls = 1ULL << 40;

class HostTimer final : public BatchTimer {
public:
    void start() override { start_ = std::chrono::steady_clock::now(); }
    double stop() override { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count(); }

private:
    std::chrono::steady_clock::time_point start_;
};

SampleResult cut_short(const SampleDeadline& deadline, long long done, long long calls) {
    SampleResult r = deadline.failure();
    r.reason += fmt::format(" ({} of {} calls done)", done, calls);
    return r;
}

}  // namespace

std::unique_ptr<BatchTimer> make_host_timer() { return std::make_unique<HostTimer>(); }

std::variant<double, SampleResult> run_batch(TorchWorkload& w, BatchTimer& timer, long long calls,
                                             long long check_every, const SampleDeadline& deadline) {
    w.before_batch();
    timer.start();
    for (long long i = 1; i <= calls; ++i) {
        w.call();
        // In-process work cannot be killed from outside, so it polls, about every millisecond
        // of work: far below the timer's resolution of a whole batch.
        if (i % check_every == 0 && i != calls && deadline.poll()) {
            timer.stop();  // leaves no device work behind
            return cut_short(deadline, i, calls);
        }
    }
    const double seconds = timer.stop();
    if (deadline.poll()) return cut_short(deadline, calls, calls);
    return seconds;
}

std::variant<CallBatchPlan, SampleResult> plan_batch(TorchWorkload& w, BatchTimer& timer, double min_batch_time,
                                                     double timeout, const RunContext& ctx) {
    const SampleDeadline deadline(timeout, ctx);
    return plan_call_batch(
        [&](std::uint64_t calls, std::uint64_t check_every) {
            return run_batch(w, timer, static_cast<long long>(calls), static_cast<long long>(check_every), deadline);
        },
        min_batch_time, kMaxCalls);
}

}  // namespace perfmatrix::torch_bench
