#include "measure/memory/stream_runner.hpp"

#include "measure/memory/mapped_region.hpp"
#include "measure/memory/process_usage.hpp"
#include "measure/memory/stream_check.hpp"
#include "measure/memory/stream_params.hpp"
#include "measure/memory/thread_team.hpp"
#include "measure/params_runner.hpp"
#include "measure/sample_deadline.hpp"
#include "measure/sampling.hpp"
#include "measure/system/topology.hpp"

#include <fmt/format.h>

#include <optional>
#include <stdexcept>
#include <variant>

namespace perfmatrix::memory {
namespace {

constexpr std::size_t kMiB = std::size_t{1} << 20;

// Per array: the job's size, or 4x the last-level cache (STREAM's rule), whole MiB.
std::size_t array_bytes(const StreamParams& p) {
    if (p.size_mib > 0) return static_cast<std::size_t>(p.size_mib) * kMiB;
    const auto llc = last_level_cache();
    if (llc.bytes == 0) throw std::runtime_error("cannot find the last-level cache size: set size_mib");
    return (4 * llc.bytes + kMiB - 1) / kMiB * kMiB;
}

// Three arrays and the slice of them each thread owns.
class StreamWorkspace {
public:
    StreamWorkspace(std::size_t bytes, int threads) : a_(bytes), b_(bytes), c_(bytes), threads_(threads) {
        arrays_ = {static_cast<double*>(a_.data()), static_cast<double*>(b_.data()), static_cast<double*>(c_.data()),
                   bytes / sizeof(double)};
    }
    const StreamArrays& arrays() const { return arrays_; }
    std::size_t lo(int t) const { return arrays_.n * static_cast<std::size_t>(t) / static_cast<std::size_t>(threads_); }
    std::size_t hi(int t) const { return lo(t + 1); }

private:
    MappedRegion a_, b_, c_;
    int threads_;
    StreamArrays arrays_;
};

// `count` passes of the kernel on every thread, each over its own slice; the leader polls
// for stop and timeout between passes. nullopt: cut short.
std::optional<double> timed_passes(const StreamWorkspace& w, const StreamParams& p, long long count,
                                   SampleDeadline& stop) {
    const double seconds = run_team(p.threads, p.pin, [&](int t) {
        for (long long k = 0; k < count; ++k) {
            stream_kernel(p.op, w.arrays(), w.lo(t), w.hi(t));
            if (t == 0 ? stop.poll() : stop.stopped()) return;
        }
    });
    if (stop.stopped()) return std::nullopt;
    return seconds;
}

std::vector<Metric> stream_metrics(const StreamParams& p, const StreamWorkspace& w, long long count, double seconds) {
    const double n = static_cast<double>(count);
    const double bytes = stream_bytes_per_pass(p.op, w.arrays().n) * n;
    return {{"batch_time", "s", seconds},
            {"time", "s", seconds / n},
            {"iterations", "count", n},
            {"bandwidth", "GB/s", bytes / seconds / 1e9},
            {"array_bytes", "bytes", static_cast<double>(w.arrays().n * sizeof(double))},
            {"max_rss", "bytes", max_rss_bytes()}};
}

CaseOutcome measure_stream(const Case& c, const StreamParams& p, const RunContext& ctx,
                           const StreamAfterBatch& after_batch) {
    std::optional<StreamWorkspace> w;
    try {
        w.emplace(array_bytes(p), p.threads);
        if (w->arrays().n < static_cast<std::size_t>(p.threads))
            throw std::runtime_error("fewer elements than threads");
        // Each thread writes its own slice first, so the kernel places those pages near it.
        run_team(p.threads, p.pin, [&](int t) { stream_fill(w->arrays(), w->lo(t), w->hi(t)); });
    } catch (const std::exception& e) {
        return CaseOutcome(status::error, fmt::format("memory_stream setup: {}", e.what()));
    }
    long long count = p.batch.count;
    if (count == 0) {
        SampleDeadline stop(c.settings.timeout, ctx);
        const auto calibrated = calibrate_iterations([&](long long n) { return timed_passes(*w, p, n, stop); },
                                                     p.batch.min_batch_time, 1'000'000'000);
        if (!calibrated) return CaseOutcome(stop.failure().status, "while calibrating: " + stop.failure().reason);
        count = *calibrated;
    }
    return run_samples(
        c.settings, ctx,
        [&](const SampleIndex&) {
            stream_poison_output(p.op, w->arrays());
            SampleDeadline stop(c.settings.timeout, ctx);
            const auto seconds = timed_passes(*w, p, count, stop);
            if (!seconds) return stop.failure();
            if (after_batch) after_batch(w->arrays());
            if (auto wrong = verify_stream(p.op, w->arrays()))
                return SampleResult::failure(status::wrong_result, *wrong);
            SampleResult r;
            r.metrics = stream_metrics(p, *w, count, *seconds);
            return r;
        },
        "batch_time");
}

}  // namespace

std::unique_ptr<Runner> make_stream_runner(StreamAfterBatch after_batch) {
    return params_runner(parse_stream_params,
                         [after_batch](const Case& c, const StreamParams& p, const RunContext& ctx) {
                             return measure_stream(c, p, ctx, after_batch);
                         });
}

}  // namespace perfmatrix::memory
