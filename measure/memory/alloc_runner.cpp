#include "measure/memory/alloc_runner.hpp"

#include "measure/memory/alloc_rounds.hpp"
#include "measure/memory/allocator_preload.hpp"
#include "measure/memory/process_usage.hpp"
#include "measure/memory/thread_team.hpp"
#include "measure/params_runner.hpp"
#include "measure/sample_deadline.hpp"
#include "measure/sampling.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <optional>
#include <variant>

namespace perfmatrix::memory {
namespace {

struct TeamRounds {
    double seconds = 0;
    RoundsResult total;
};

// `rounds` rounds on every thread, each with its own blocks; thread 0 polls for stop and
// timeout after each round, the others follow its flag.
TeamRounds timed_rounds(std::vector<AllocRounds>& loops, long long rounds, SampleDeadline& stop) {
    std::vector<RoundsResult> results(loops.size());
    TeamRounds out;
    out.seconds = run_team(static_cast<int>(loops.size()), false, [&](int t) {
        const auto i = static_cast<std::size_t>(t);
        results[i] = loops[i].run(rounds, [&] { return t == 0 ? stop.poll() : stop.stopped(); });
    });
    for (const auto& r : results) {
        out.total.rounds_done += r.rounds_done;
        out.total.null_blocks += r.null_blocks;
        out.total.damaged_blocks += r.damaged_blocks;
    }
    return out;
}

// A failure of the batch, if any: the allocator's, then the stop's.
std::optional<SampleResult> batch_failure(const TeamRounds& t, const AllocParams& p, const SampleDeadline& stop) {
    if (t.total.null_blocks > 0) {
        return SampleResult::failure(status::error,
                                     fmt::format("malloc({}) returned NULL {} times", p.size, t.total.null_blocks));
    }
    if (t.total.damaged_blocks > 0) {
        return SampleResult::failure(status::wrong_result,
                                     fmt::format("{} blocks of {} bytes lost their tag bytes before free: the "
                                                 "allocator handed out overlapping memory",
                                                 t.total.damaged_blocks, p.size));
    }
    if (stop.stopped()) return stop.failure();
    return std::nullopt;
}

std::vector<Metric> alloc_metrics(const AllocParams& p, const TeamRounds& t) {
    const double ops = static_cast<double>(t.total.rounds_done) * static_cast<double>(p.count);
    return {{"batch_time", "s", t.seconds},
            {"time", "s", t.seconds / ops},
            {"iterations", "count", ops},
            {"rate", "ops/s", ops / t.seconds},
            {"max_rss", "bytes", max_rss_bytes()}};
}

std::optional<std::string> wrong_allocator(const AllocParams& p) {
    const auto active = active_allocator();
    if (active == p.allocator) return std::nullopt;
    const char* preload = std::getenv("LD_PRELOAD");
    return fmt::format("allocator '{}' requested but malloc comes from {} (LD_PRELOAD={}); is {} installed?",
                       p.allocator, active, preload ? preload : "unset",
                       p.allocator == "glibc" ? "LD_PRELOAD unset" : allocator_library(p.allocator));
}

CaseOutcome measure_alloc(const Case& c, const AllocParams& p, const RunContext& ctx) {
    if (auto wrong = wrong_allocator(p)) return CaseOutcome(status::error, *wrong);
    std::vector<AllocRounds> loops;
    for (int t = 0; t < p.threads; ++t) loops.emplace_back(p, static_cast<unsigned>(t + 1));

    long long rounds = p.batch.count;
    if (rounds == 0) {
        SampleDeadline stop(c.settings.timeout, ctx);
        std::optional<SampleResult> failure;
        const auto calibrated = calibrate_iterations(
            [&](long long n) -> std::optional<double> {
                const auto t = timed_rounds(loops, n, stop);
                failure = batch_failure(t, p, stop);
                if (failure) return std::nullopt;
                return t.seconds;
            },
            p.batch.min_batch_time, 1'000'000'000);
        if (!calibrated) return CaseOutcome(failure->status, "while calibrating: " + failure->reason);
        rounds = *calibrated;
    }
    return run_samples(
        c.settings, ctx,
        [&](const SampleIndex&) {
            SampleDeadline stop(c.settings.timeout, ctx);
            const auto t = timed_rounds(loops, rounds, stop);
            if (auto failure = batch_failure(t, p, stop)) return *failure;
            SampleResult r;
            r.metrics = alloc_metrics(p, t);
            return r;
        },
        "batch_time");
}

}  // namespace

std::unique_ptr<Runner> make_alloc_runner() { return params_runner(parse_alloc_params, measure_alloc); }

}  // namespace perfmatrix::memory
