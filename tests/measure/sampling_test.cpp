#include "measure/sampling.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace perfmatrix {
namespace {

// A sample function with a fixed wall_time per sample, counting its calls.
struct Counter {
    double wall = 0.001;
    int fail_at_call = -1;  // 0-based call index that fails
    int calls = 0;
    std::vector<SampleIndex> seen;

    SampleResult operator()(const SampleIndex& i) {
        seen.push_back(i);
        if (calls++ == fail_at_call) return SampleResult::failure(status::nonzero_exit, "exit code 1 (expected 0)");
        SampleResult r;
        r.metrics = {{"wall_time", "s", wall}, {"extra", "count", static_cast<double>(i.repetition)}};
        return r;
    }
};

CaseSettings settings(int warmup, int repetitions, double min_time = 0, int max_repetitions = 10000) {
    CaseSettings s;
    s.warmup = warmup;
    s.repetitions = repetitions;
    s.min_time = min_time;
    s.max_repetitions = max_repetitions;
    return s;
}

Counter counter(double wall, int fail_at_call = -1) {
    Counter c;
    c.wall = wall;
    c.fail_at_call = fail_at_call;
    return c;
}

CaseOutcome run(const CaseSettings& s, Counter& c, const RunContext& ctx = {}) {
    return run_samples(s, ctx, [&](const SampleIndex& i) { return c(i); });
}

int count(const CaseOutcome& o, bool warmup) {
    int n = 0;
    for (const auto& s : o.samples) n += (s.metric == "wall_time" && s.warmup == warmup);
    return n;
}

}  // namespace

TEST(Sampling, WarmupsThenRepetitions) {
    Counter c;
    const CaseOutcome o = run(settings(2, 5), c);
    EXPECT_EQ(o.status, status::ok);
    EXPECT_TRUE(o.reason.empty());
    EXPECT_EQ(count(o, true), 2);
    EXPECT_EQ(count(o, false), 5);
    EXPECT_EQ(o.samples.size(), 14u);  // two metrics per sample
    ASSERT_EQ(c.seen.size(), 7u);
    EXPECT_TRUE(c.seen[1].warmup);
    EXPECT_EQ(c.seen[1].repetition, 1);
    EXPECT_FALSE(c.seen[2].warmup);
    EXPECT_EQ(c.seen[2].repetition, 0);
    EXPECT_EQ(c.seen[6].repetition, 4);
    const Sample& last = o.samples.back();
    EXPECT_EQ(last.metric, "extra");
    EXPECT_EQ(last.unit, "count");
    EXPECT_EQ(last.repetition, 4);
    EXPECT_FALSE(last.warmup);
    EXPECT_EQ(last.value, 4.0);
}

TEST(Sampling, MinTimeAddsSamplesUntilReached) {
    Counter c = counter(0.01);
    // 0.105 s at 0.01 s each: 11 samples (10 would only sum to 0.1).
    const CaseOutcome o = run(settings(1, 3, 0.105), c);
    EXPECT_EQ(o.status, status::ok);
    EXPECT_EQ(count(o, false), 11);
    EXPECT_EQ(count(o, true), 1);  // warm-ups do not count toward min_time
}

TEST(Sampling, RepetitionsWinWhenMinTimeIsAlreadyMet) {
    Counter c = counter(1.0);
    const CaseOutcome o = run(settings(0, 4, 0.5), c);
    EXPECT_EQ(count(o, false), 4);
}

TEST(Sampling, MaxRepetitionsCapsCalibration) {
    Counter c = counter(0.001);
    const CaseOutcome o = run(settings(0, 2, 100.0, 7), c);
    EXPECT_EQ(o.status, status::ok);
    EXPECT_EQ(count(o, false), 7);
}

TEST(Sampling, MissingPrimaryMetricCountsTheCallsDuration) {
    int calls = 0;
    const auto sample = [&](const SampleIndex&) {
        ++calls;
        SampleResult r;
        r.metrics = {{"other", "count", 1}};
        return r;
    };
    // Each call takes ~0 s, so min_time is never reached and the cap decides.
    const CaseOutcome o = run_samples(settings(0, 1, 50, 20), {}, sample);
    EXPECT_EQ(calls, 20);
    EXPECT_EQ(o.samples.size(), 20u);
}

TEST(Sampling, StopsAtTheFirstFailureKeepingEarlierSamples) {
    Counter c = counter(0.001, 3);
    const CaseOutcome o = run(settings(1, 10), c);
    EXPECT_EQ(o.status, status::nonzero_exit);
    EXPECT_EQ(o.reason, "exit code 1 (expected 0)");
    EXPECT_EQ(c.calls, 4);
    EXPECT_EQ(count(o, true), 1);
    EXPECT_EQ(count(o, false), 2);  // the failed sample's metrics are dropped
}

TEST(Sampling, FailureInWarmupStopsBeforeMeasuring) {
    Counter c = counter(0.001, 0);
    const CaseOutcome o = run(settings(2, 10), c);
    EXPECT_EQ(o.status, status::nonzero_exit);
    EXPECT_EQ(c.calls, 1);
    EXPECT_TRUE(o.samples.empty());
}

TEST(Sampling, ExceptionBecomesError) {
    const auto sample = [](const SampleIndex&) -> SampleResult { throw std::runtime_error("no pipes left"); };
    const CaseOutcome o = run_samples(settings(0, 3), {}, sample);
    EXPECT_EQ(o.status, status::error);
    EXPECT_EQ(o.reason, "no pipes left");
}

TEST(Sampling, ShouldStopBetweenSamplesInterrupts) {
    Counter c;
    RunContext ctx;
    ctx.should_stop = [&] { return c.calls >= 3; };
    const CaseOutcome o = run(settings(1, 10), c, ctx);
    EXPECT_EQ(o.status, status::interrupted);
    EXPECT_EQ(c.calls, 3);
    EXPECT_EQ(count(o, false), 2);
}

}  // namespace perfmatrix
