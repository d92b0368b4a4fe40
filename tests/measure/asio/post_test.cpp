// asio_post: real io_context runs, and its verification fed corrupted counts.
#include "asio_test_support.hpp"
#include "measure/asio/post_runner.hpp"
#include "measure/kind_registry.hpp"

#include <gtest/gtest.h>

namespace perfmatrix {
namespace {

using asio_test::make_case;
using asio_test::values;

CaseOutcome run_post(const nlohmann::json& params) {
    return make_runner("asio_post")->run(make_case("asio_post", params), {});
}

void expect_sane(const CaseOutcome& o) {
    ASSERT_EQ(o.status, status::ok) << o.reason;
    const auto batch = values(o, "batch_time");
    const auto time = values(o, "time");
    const auto rate = values(o, "rate");
    const auto iterations = values(o, "iterations");
    ASSERT_EQ(batch.size(), 2u);
    ASSERT_EQ(rate.size(), 2u);
    for (std::size_t i = 0; i < batch.size(); ++i) {
        EXPECT_GT(rate[i], 0);
        EXPECT_GT(time[i], 0);
        // Sanity bounds only, wide enough for a loaded 2-core box: a handler costs ~0.1 µs.
        EXPECT_LT(time[i], 1e-3);
        EXPECT_NEAR(time[i] * iterations[i], batch[i], 1e-9 * batch[i] + 1e-15);
    }
    EXPECT_EQ(asio_test::unit_of(o, "rate"), "ops/s");
}

TEST(AsioPost, PostOnOneThreadCalibratesABatchLongEnough) {
    const CaseOutcome o = run_post({{"mode", "post"}, {"min_batch_time", 0.005}});
    expect_sane(o);
    // Calibration keeps a size once two batches of it last min_batch_time (5 ms). Later
    // batches can still run faster (warmer); a quarter is a wide margin for that and for noise.
    for (double b : values(o, "batch_time")) EXPECT_GT(b, 0.00125);
}

TEST(AsioPost, DispatchOnTwoThreadsRunsTheFixedCount) {
    const CaseOutcome o = run_post({{"mode", "dispatch"}, {"threads", 2}, {"handlers", 20000}});
    expect_sane(o);
    for (double n : values(o, "iterations")) EXPECT_EQ(n, 20000.0);
}

TEST(AsioPost, PostOnThreeThreadsSplitsAnOddCountExactly) {
    const CaseOutcome o = run_post({{"mode", "post"}, {"threads", 3}, {"handlers", 10001}});
    expect_sane(o);
    for (double n : values(o, "iterations")) EXPECT_EQ(n, 10001.0);
}

TEST(AsioPost, VerificationCatchesAMissingOrRepeatedHandler) {
    std::vector<std::uint8_t> runs(1000, 1);
    EXPECT_EQ(asio_bench::verify_handler_runs(runs), std::nullopt);
    runs[17] = 0;
    const auto missing = asio_bench::verify_handler_runs(runs);
    ASSERT_TRUE(missing.has_value());
    EXPECT_NE(missing->find("handler 17 ran 0 times"), std::string::npos) << *missing;
    runs[17] = 1;
    runs[999] = 2;
    const auto twice = asio_bench::verify_handler_runs(runs);
    ASSERT_TRUE(twice.has_value());
    EXPECT_NE(twice->find("1 of 1000"), std::string::npos) << *twice;
}

TEST(AsioPost, StopRequestInterrupts) {
    RunContext ctx;
    ctx.should_stop = [] { return true; };
    const CaseOutcome o = make_runner("asio_post")->run(make_case("asio_post", {{"handlers", 1000}}), ctx);
    EXPECT_EQ(o.status, status::interrupted);
}

}  // namespace
}  // namespace perfmatrix
