#include "measure/memory/faults_runner.hpp"

#include "measure/memory/faults_params.hpp"
#include "measure/memory/mapped_region.hpp"
#include "measure/memory/page_touch.hpp"
#include "measure/memory/process_usage.hpp"
#include "measure/params_runner.hpp"
#include "measure/sample_deadline.hpp"
#include "measure/sampling.hpp"

#include <fmt/format.h>

#include <chrono>
#include <optional>
#include <variant>

namespace perfmatrix::memory {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_between(Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double>(b - a).count();
}

struct Batch {
    double seconds = 0;  // timed part only: the checks between passes are left out
    long long faults = 0;
    std::optional<std::string> wrong;
};

class FaultsBench {
public:
    explicit FaultsBench(const FaultsParams& p) : p_(p), bytes_(static_cast<std::size_t>(p.size_mib) << 20) {
        if (p_.mode == TouchMode::warm) {
            // The resident region warm passes rewrite: faulted in once, here, untimed.
            warm_ = MappedRegion(bytes_);
            if (p_.hugepages) warm_.advise_huge_pages();
            touch_pages(warm_.data(), bytes_, page_, -1);
        }
    }

    std::size_t pages() const { return bytes_ / page_; }
    std::size_t bytes() const { return bytes_; }

    // `count` passes; nullopt when stopped or timed out (stop says which).
    std::optional<Batch> run(long long count, SampleDeadline& stop) {
        Batch b;
        const long long faults_before = minor_faults();
        for (long long k = 0; k < count && !b.wrong; ++k) {
            b.seconds += p_.mode == TouchMode::warm ? warm_pass(k) : first_touch_pass(k, b.wrong);
            if (stop.poll()) return std::nullopt;
        }
        if (!b.wrong && p_.mode == TouchMode::warm)
            b.wrong = verify_pages(warm_.data(), bytes_, page_, count - 1, false);
        b.faults = minor_faults() - faults_before;
        return b;
    }

private:
    // mmap, write a byte per page, munmap: all timed; the check of the fresh pages is not.
    double first_touch_pass(long long pass, std::optional<std::string>& wrong) {
        const auto t0 = Clock::now();
        MappedRegion region(bytes_);
        if (p_.hugepages) region.advise_huge_pages();
        touch_pages(region.data(), bytes_, page_, pass);
        const auto t1 = Clock::now();
        wrong = verify_pages(region.data(), bytes_, page_, pass, true);
        const auto t2 = Clock::now();
        region = MappedRegion();
        return seconds_between(t0, t1) + seconds_between(t2, Clock::now());
    }

    double warm_pass(long long pass) {
        const auto t0 = Clock::now();
        touch_pages(warm_.data(), bytes_, page_, pass);
        return seconds_between(t0, Clock::now());
    }

    FaultsParams p_;
    std::size_t page_ = page_size();
    std::size_t bytes_;
    MappedRegion warm_;
};

std::vector<Metric> faults_metrics(const FaultsBench& bench, long long count, const Batch& b) {
    const double pages = static_cast<double>(bench.pages()) * static_cast<double>(count);
    return {{"batch_time", "s", b.seconds},
            {"time", "s", b.seconds / pages},
            {"iterations", "count", pages},
            {"bandwidth", "GB/s", static_cast<double>(bench.bytes()) * static_cast<double>(count) / b.seconds / 1e9},
            {"minor_faults_per_page", "ratio", static_cast<double>(b.faults) / pages},
            {"max_rss", "bytes", max_rss_bytes()}};
}

CaseOutcome measure_faults(const Case& c, const FaultsParams& p, const RunContext& ctx) {
    std::optional<FaultsBench> bench;
    long long count = p.batch.count;
    try {
        bench.emplace(p);
        if (count == 0) {
            SampleDeadline stop(c.settings.timeout, ctx);
            std::optional<std::string> wrong;
            const auto calibrated = calibrate_iterations(
                [&](long long n) -> std::optional<double> {
                    auto b = bench->run(n, stop);
                    if (!b || b->wrong) {
                        wrong = b ? b->wrong : std::nullopt;
                        return std::nullopt;
                    }
                    return b->seconds;
                },
                p.batch.min_batch_time, 1'000'000);
            if (wrong) return CaseOutcome(status::wrong_result, *wrong);
            if (!calibrated) return CaseOutcome(stop.failure().status, "while calibrating: " + stop.failure().reason);
            count = *calibrated;
        }
    } catch (const std::exception& e) {
        // mmap refused, or madvise(MADV_HUGEPAGE) unsupported here.
        return CaseOutcome(status::error, fmt::format("memory_faults: {}", e.what()));
    }
    return run_samples(
        c.settings, ctx,
        [&](const SampleIndex&) {
            SampleDeadline stop(c.settings.timeout, ctx);
            const auto b = bench->run(count, stop);
            if (!b) return stop.failure();
            if (b->wrong) return SampleResult::failure(status::wrong_result, *b->wrong);
            SampleResult r;
            r.metrics = faults_metrics(*bench, count, *b);
            return r;
        },
        "batch_time");
}

}  // namespace

std::unique_ptr<Runner> make_faults_runner() { return params_runner(parse_faults_params, measure_faults); }

}  // namespace perfmatrix::memory
