// Real runs of every blas kind through OpenBLAS (dlopen()ed as in production). Timing
// assertions are sanity bounds with huge margins only: this runs on a loaded 2-core machine.
#include "blas_case.hpp"
#include "measure/blas/blas_runner.hpp"
#include "measure/blas/blas_workload.hpp"
#include "measure/model/sample.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <string>
#include <vector>

namespace perfmatrix::blas {
namespace {

using json = nlohmann::json;
using test::blas_case;

// Measured (non-warm-up) values per metric.
std::map<std::string, std::vector<double>> measured(const CaseOutcome& o) {
    std::map<std::string, std::vector<double>> by;
    for (const auto& s : o.samples) {
        if (!s.warmup) by[s.metric].push_back(s.value);
    }
    return by;
}

CaseOutcome run(BlasOp op, const json& params, BlasBeforeVerify hook = {}) {
    return make_blas_runner(op, std::move(hook))->run(blas_case(blas_kind_name(op), params), RunContext{});
}

void expect_plausible(const CaseOutcome& o, bool memory_bound) {
    ASSERT_EQ(o.status, status::ok) << o.reason;
    auto m = measured(o);
    ASSERT_EQ(m["batch_time"].size(), 3u);
    for (std::size_t i = 0; i < 3; ++i) {
        const double batch = m["batch_time"][i], calls = m["iterations"][i];
        EXPECT_GE(calls, 1);
        EXPECT_GT(batch, 0);
        EXPECT_NEAR(m["time"][i] * calls, batch, 1e-12 * calls);
        // Above 0.1 MFLOP/s and below 100 TFLOP/s: any real 2-core machine, loaded or not.
        EXPECT_GT(m["gflops"][i], 1e-4);
        EXPECT_LT(m["gflops"][i], 1e5);
        EXPECT_GE(m["buffers"][i], 1);
    }
    EXPECT_EQ(m.count("bandwidth") == 1, memory_bound);
    EXPECT_EQ(m.count("efficiency") == 1, !memory_bound);
}

}  // namespace

TEST(BlasRunner, EachOperationRunsAndReportsItsMetrics) {
    for (const char* dtype : {"f32", "f64"}) {
        SCOPED_TRACE(dtype);
        expect_plausible(run(BlasOp::gemm, {{"n", 96}, {"dtype", dtype}}), false);
        expect_plausible(run(BlasOp::gemv, {{"n", 300}, {"m", 200}, {"dtype", dtype}}), true);
        expect_plausible(run(BlasOp::dot, {{"n", 5000}, {"dtype", dtype}}), true);
        expect_plausible(run(BlasOp::axpy, {{"n", 5000}, {"dtype", dtype}}), true);
    }
}

TEST(BlasRunner, LargeGemmIsVerifiedByResidualAndRunsOnTwoThreads) {
    // 384^3 is past the naive limit, so this exercises the residual check on real output.
    expect_plausible(run(BlasOp::gemm, {{"n", 384}, {"threads", 2}}), false);
}

TEST(BlasRunner, GemmEfficiencyAgainstTheMeasuredPeakIsSane) {
    const auto o = run(BlasOp::gemm, {{"n", 512}, {"min_batch_time", 0.02}});
    ASSERT_EQ(o.status, status::ok) << o.reason;
    auto m = measured(o);
    ASSERT_FALSE(m["efficiency"].empty());
    double best = 0;
    for (std::size_t i = 0; i < m["efficiency"].size(); ++i) {
        EXPECT_GT(m["peak_gflops"][i], 0);
        EXPECT_GT(m["efficiency"][i], 0);
        EXPECT_NEAR(m["efficiency"][i], m["gflops"][i] / m["peak_gflops"][i], 1e-12);
        best = best == 0 ? m["efficiency"][i] : std::min(best, m["efficiency"][i]);
    }
    // One peak per case (the best trial, found after the last sample) for every sample.
    for (double peak : m["peak_gflops"]) EXPECT_EQ(peak, m["peak_gflops"].front());
    // OpenBLAS reaches ~90-95 % of the measured peak. The least of the samples, and 1.25 rather
    // than 1.0: a busy machine can slow the peak's trials more than the samples.
    EXPECT_LE(best, 1.25);

    // The case says how its peak was measured: settle()'s 5-30 trials plus one per sample.
    std::map<std::string, std::string> env(o.environment.begin(), o.environment.end());
    EXPECT_FALSE(env.at("peak_kernel").empty());
    const int samples = static_cast<int>(m["gflops"].size());
    EXPECT_GE(std::stoi(env.at("peak_trials")), 5 + samples);
    EXPECT_LE(std::stoi(env.at("peak_trials")), 30 + samples + 10);  // + warm-ups
}

TEST(BlasRunner, RotatesCopiesOnlyWhenOperandsFitInCache) {
    const auto small = measured(run(BlasOp::dot, {{"n", 1000}}));
    const auto unrotated = measured(run(BlasOp::dot, {{"n", 1000}, {"rotate", false}}));
    EXPECT_GT(small.at("buffers").front(), 1);
    EXPECT_EQ(unrotated.at("buffers").front(), 1);
}

TEST(BlasRunner, CorruptedOutputFailsTheCaseWithWrongResult) {
    for (BlasOp op : {BlasOp::gemm, BlasOp::gemv, BlasOp::dot, BlasOp::axpy}) {
        SCOPED_TRACE(to_string(op));
        int batches = 0;
        // Corrupt only the third batch: the warm-up and first sample pass and are kept.
        const auto o = run(op, {{"n", op == BlasOp::gemm ? 300 : 4000}}, [&](BlasWorkload& w) {
            if (++batches == 3) w.perturb_last_output(100.0);
        });
        EXPECT_EQ(o.status, status::wrong_result);
        EXPECT_NE(o.reason.find(to_string(op)), std::string::npos) << o.reason;
        EXPECT_EQ(measured(o)["batch_time"].size(), 1u);
    }
}

TEST(BlasRunner, ThreadsAreHonouredOrTheCaseFails) {
    // OpenBLAS accepts any count up to its compiled MAX_THREADS (64 in Debian's build), so
    // 2 threads on this machine runs; 1000 is refused by OpenBLAS and must not be measured.
    EXPECT_EQ(run(BlasOp::dot, {{"n", 1000}, {"threads", 2}}).status, status::ok);
    const auto o = run(BlasOp::dot, {{"n", 1000}, {"threads", 1000}});
    EXPECT_EQ(o.status, status::error);
    EXPECT_NE(o.reason.find("1000 threads"), std::string::npos) << o.reason;
}

TEST(BlasRunner, MissingLibraryIsAnError) {
    const auto o = run(BlasOp::dot, {{"n", 10}, {"library", "libno-such-blas.so"}});
    EXPECT_EQ(o.status, status::error);
    EXPECT_NE(o.reason.find("libno-such-blas.so"), std::string::npos) << o.reason;
}

TEST(BlasRunner, InvalidParamsAreAnError) {
    const auto o = run(BlasOp::gemm, {{"n", 10}, {"dtype", "f16"}});
    EXPECT_EQ(o.status, status::error);
    EXPECT_NE(o.reason.find("dtype"), std::string::npos) << o.reason;
}

TEST(BlasRunner, TimeoutEndsABatch) {
    const auto runner = make_blas_runner(BlasOp::gemm);
    Case c = blas_case("blas_gemm", {{"n", 256}, {"min_batch_time", 2.0}});
    c.settings.timeout = 0.2;  // the 2 s batch cannot finish inside it
    const auto o = runner->run(c, RunContext{});
    EXPECT_EQ(o.status, status::timeout) << o.reason;
}

TEST(BlasRunner, StopRequestInterruptsABatch) {
    const auto runner = make_blas_runner(BlasOp::axpy);
    std::atomic<int> polls = 0;
    RunContext ctx;
    ctx.should_stop = [&] { return ++polls > 5; };
    const auto o = runner->run(blas_case("blas_axpy", {{"n", 10000}, {"min_batch_time", 1.0}}), ctx);
    EXPECT_EQ(o.status, status::interrupted) << o.reason;
}

}  // namespace perfmatrix::blas
