#include "workers/asio/batch_loop.hpp"

#include <algorithm>

namespace perfmatrix::asio_bench {
namespace {

double batch_time_of(const SampleResult& r) {
    for (const auto& m : r.metrics) {
        if (m.name == "batch_time") return m.value;
    }
    return 0.0;
}

std::uint64_t next_size(std::uint64_t n, double took, const BatchSize& size) {
    // Aim 20 % past the target so the next try usually lands; never less than x2 (progress),
    // never more than x100 (one very short, noisy try must not overshoot wildly).
    const double factor = took > 0 ? std::clamp(1.2 * size.min_batch_time / took, 2.0, 100.0) : 100.0;
    const double grown = static_cast<double>(n) * factor;
    return grown >= static_cast<double>(size.max) ? size.max : static_cast<std::uint64_t>(grown);
}

}  // namespace

std::variant<std::uint64_t, SampleResult> calibrate(const Batch& batch, const BatchSize& size,
                                                    const CaseSettings& settings, const RunContext& ctx) {
    std::uint64_t n = std::clamp<std::uint64_t>(size.start, 1, size.max);
    bool long_enough_once = false;
    for (;;) {
        const SampleDeadline deadline(settings.timeout, ctx);
        SampleResult r = batch(n, deadline);
        if (r.status != status::ok) return r;
        const double took = batch_time_of(r);
        if (n >= size.max) return n;
        if (took >= size.min_batch_time) {
            // A size is kept only when two batches in a row last long enough: the first batch
            // of a size is often cold (allocator growth, page faults) and runs up to 2x slower
            // than the warm ones that follow (seen with asio_post).
            if (long_enough_once) return n;
            long_enough_once = true;
            continue;
        }
        long_enough_once = false;
        n = next_size(n, took, size);
    }
}

CaseOutcome run_batches(const Case& c, const RunContext& ctx, const Batch& batch, const BatchSize& size) {
    std::uint64_t iterations = size.fixed;
    if (iterations == 0) {
        auto calibrated = calibrate(batch, size, c.settings, ctx);
        if (auto* failed = std::get_if<SampleResult>(&calibrated)) {
            return CaseOutcome{failed->status, "while calibrating the batch size: " + failed->reason, {}};
        }
        iterations = std::get<std::uint64_t>(calibrated);
    }
    return run_samples(
        c.settings, ctx,
        [&](const SampleIndex&) {
            const SampleDeadline deadline(c.settings.timeout, ctx);
            return batch(iterations, deadline);
        },
        "batch_time");
}

}  // namespace perfmatrix::asio_bench
