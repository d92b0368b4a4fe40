// asio_timer: real timers firing, and its verification fed corrupted records.
#include "asio_test_support.hpp"
#include "measure/asio/timer_runner.hpp"
#include "measure/kind_registry.hpp"

#include <gtest/gtest.h>

namespace perfmatrix {
namespace {

using asio_test::make_case;
using asio_test::values;
using clock_type = std::chrono::steady_clock;

TEST(AsioTimer, ImmediateTimersFireWithSaneLateness) {
    const CaseOutcome o =
        make_runner("asio_timer")->run(make_case("asio_timer", {{"timers", 32}, {"min_batch_time", 0.005}}), {});
    ASSERT_EQ(o.status, status::ok) << o.reason;
    const auto p50 = values(o, "lateness_p50");
    const auto p99 = values(o, "lateness_p99");
    const auto max = values(o, "lateness_max");
    const auto rate = values(o, "rate");
    ASSERT_EQ(p50.size(), 2u);
    for (std::size_t i = 0; i < p50.size(); ++i) {
        EXPECT_GE(p50[i], 0.0);  // never early: verification would have failed the case
        EXPECT_GE(p99[i], p50[i]);
        EXPECT_GE(max[i], p99[i]);
        EXPECT_GT(rate[i], 0);
    }
    EXPECT_EQ(asio_test::unit_of(o, "lateness_p99"), "s");
}

TEST(AsioTimer, NearFutureTimersWaitAtLeastTheirDelay) {
    // 2 ms delay, 3 rounds: a batch cannot be shorter than 3 x 2 ms.
    const CaseOutcome o =
        make_runner("asio_timer")->run(make_case("asio_timer", {{"timers", 8}, {"delay", 0.002}, {"waves", 3}}), {});
    ASSERT_EQ(o.status, status::ok) << o.reason;
    for (double b : values(o, "batch_time")) EXPECT_GE(b, 0.006);
    for (double n : values(o, "iterations")) EXPECT_EQ(n, 24.0);
    for (double p : values(o, "lateness_p50")) EXPECT_GT(p, 0.0);
}

asio_bench::TimerRecord good_record(std::size_t n) {
    asio_bench::TimerRecord r;
    const auto t0 = clock_type::now();
    for (std::size_t i = 0; i < n; ++i) {
        r.expiry.push_back(t0);
        r.fired.push_back(t0 + std::chrono::microseconds(5));
        r.fire_count.push_back(1);
    }
    return r;
}

TEST(AsioTimer, VerificationCatchesEarlyMissingRepeatedAndFailedTimers) {
    EXPECT_EQ(asio_bench::verify_timer_firings(good_record(10)), std::nullopt);
    auto early = good_record(10);
    early.fired[3] = early.expiry[3] - std::chrono::microseconds(1);
    ASSERT_TRUE(asio_bench::verify_timer_firings(early).has_value());
    EXPECT_NE(asio_bench::verify_timer_firings(early)->find("before its expiry"), std::string::npos);
    auto missing = good_record(10);
    missing.fire_count[9] = 0;
    EXPECT_NE(asio_bench::verify_timer_firings(missing)->find("slot 9 fired 0 times"), std::string::npos);
    auto repeated = good_record(10);
    repeated.fire_count[0] = 2;
    EXPECT_TRUE(asio_bench::verify_timer_firings(repeated).has_value());
    auto failed = good_record(10);
    failed.errors = 1;
    EXPECT_TRUE(asio_bench::verify_timer_firings(failed).has_value());
}

TEST(AsioTimer, TimeoutEndsASampleThatCannotFinish) {
    // 0.2 s per round and 50 rounds against a 0.3 s timeout: the sample must give up.
    const CaseOutcome o = make_runner("asio_timer")
                              ->run(make_case("asio_timer", {{"timers", 1}, {"delay", 0.2}, {"waves", 50}}, 0, 1, 0.3),
                                    {});
    EXPECT_EQ(o.status, status::timeout) << o.reason;
}

}  // namespace
}  // namespace perfmatrix
