#include "measure/asio/batch_loop.hpp"

#include "measure/batch_size_search.hpp"

namespace perfmatrix::asio_bench {
namespace {

double batch_time_of(const SampleResult& r) {
    for (const auto& m : r.metrics) {
        if (m.name == "batch_time") return m.value;
    }
    return 0.0;
}

}  // namespace

std::variant<std::uint64_t, SampleResult> calibrate(const Batch& batch, const BatchSize& size,
                                                    const CaseSettings& settings, const RunContext& ctx) {
    SampleResult failed;
    BatchSearch search;
    search.target = size.min_batch_time;
    search.start = size.start;
    search.max = size.max;
    search.confirmations = 2;  // the first batch of a size is often cold (see BatchSearch)
    const auto found = search_batch_size(
        [&](std::uint64_t n) -> std::optional<double> {
            const SampleDeadline deadline(settings.timeout, ctx);
            SampleResult r = batch(n, deadline);
            if (r.status != status::ok) {
                failed = std::move(r);
                return std::nullopt;
            }
            return batch_time_of(r);
        },
        search);
    if (!found) return failed;
    return found->size;
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
