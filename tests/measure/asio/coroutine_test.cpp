// asio_coroutine: real coroutines on an io_context, and its verification fed corrupted tallies.
#include "asio_test_support.hpp"
#include "measure/asio/coroutine_runner.hpp"
#include "measure/kind_registry.hpp"

#include <gtest/gtest.h>

namespace perfmatrix {
namespace {

using asio_test::make_case;
using asio_test::values;

void expect_switches(const nlohmann::json& params) {
    const CaseOutcome o = make_runner("asio_coroutine")->run(make_case("asio_coroutine", params), {});
    ASSERT_EQ(o.status, status::ok) << o.reason;
    const auto time = values(o, "time");
    ASSERT_EQ(time.size(), 2u);
    for (double t : time) {
        EXPECT_GT(t, 0);
        EXPECT_LT(t, 1e-3);  // ~0.1 µs normally; a sanity bound for a loaded box
    }
    for (double r : values(o, "rate")) EXPECT_GT(r, 0);
}

TEST(AsioCoroutine, PingPongAlternates) { expect_switches({{"mode", "ping_pong"}, {"min_batch_time", 0.005}}); }

TEST(AsioCoroutine, ReadyAwaitsReturnTheirValues) { expect_switches({{"mode", "ready"}, {"switches", 100001}}); }

TEST(AsioCoroutine, PingPongRoundsAnOddCountUpToEvenSides) {
    const CaseOutcome o = make_runner("asio_coroutine")
                              ->run(make_case("asio_coroutine", {{"mode", "ping_pong"}, {"switches", 1001}}), {});
    ASSERT_EQ(o.status, status::ok) << o.reason;
    for (double n : values(o, "iterations")) EXPECT_EQ(n, 1002.0);
}

TEST(AsioCoroutine, VerificationCatchesLostSwitchesWrongTurnsAndWrongValues) {
    using asio_bench::CoroutineMode;
    using asio_bench::verify_switches;
    EXPECT_EQ(verify_switches(CoroutineMode::ping_pong, 100, {100, 0, 0}), std::nullopt);
    EXPECT_TRUE(verify_switches(CoroutineMode::ping_pong, 100, {99, 0, 0}).has_value());
    EXPECT_TRUE(verify_switches(CoroutineMode::ping_pong, 100, {100, 1, 0}).has_value());
    EXPECT_EQ(verify_switches(CoroutineMode::ready, 100, {100, 0, 4950}), std::nullopt);
    EXPECT_EQ(verify_switches(CoroutineMode::ready, 101, {101, 0, 5050}), std::nullopt);
    const auto wrong = verify_switches(CoroutineMode::ready, 100, {100, 0, 4951});
    ASSERT_TRUE(wrong.has_value());
    EXPECT_NE(wrong->find("expected 4950"), std::string::npos) << *wrong;
}

TEST(AsioCoroutine, StopRequestDuringCalibrationInterrupts) {
    RunContext ctx;
    ctx.should_stop = [] { return true; };
    const CaseOutcome o =
        make_runner("asio_coroutine")->run(make_case("asio_coroutine", nlohmann::json::object()), ctx);
    EXPECT_EQ(o.status, status::interrupted) << o.reason;
}

}  // namespace
}  // namespace perfmatrix
