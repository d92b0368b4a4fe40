// Real runs of every torch kind through libtorch on the CPU, with the runner linked directly so
// a test can corrupt a result. Figures are checked against sanity bounds with huge margins only:
// this runs on a loaded 2-core machine.
#include "measure/torch/torch_runner.hpp"
#include "measure/torch/torch_workload.hpp"
#include "torch_case.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <string>

namespace perfmatrix::torch_bench {
namespace {

using json = nlohmann::json;
using test::environment;
using test::measured;
using test::torch_case;

CaseOutcome run(TorchOp op, const json& params, TorchBeforeVerify hook = {}) {
    return make_torch_runner(op, std::move(hook))->run(torch_case(torch_kind_name(op), params), RunContext{});
}

struct TinyCase {
    TorchOp op;
    json params;
    const char* rate;  // "gflops" or "bandwidth"
};

// One small case per kind, with the broadcasting, reduction and activation variants spread
// over them.
const std::vector<TinyCase>& tiny_cases() {
    static const std::vector<TinyCase> cases{
        {TorchOp::matmul, {{"m", 48}, {"n", 40}, {"k", 24}}, "gflops"},
        {TorchOp::conv2d,
         {{"batch", 2},
          {"in_channels", 3},
          {"out_channels", 8},
          {"height", 12},
          {"width", 10},
          {"stride", 2},
          {"padding", 1}},
         "gflops"},
        {TorchOp::elementwise, {{"rows", 64}, {"cols", 48}, {"broadcast", "row"}}, "bandwidth"},
        {TorchOp::reduction, {{"rows", 64}, {"cols", 48}, {"op", "norm"}, {"dim", "0"}}, "bandwidth"},
        {TorchOp::mlp, {{"batch", 8}, {"layers", "16,32,8"}, {"activation", "gelu"}}, "gflops"},
        {TorchOp::train_step, {{"batch", 8}, {"layers", "16,32,8"}, {"optimizer", "adam"}}, "gflops"},
    };
    return cases;
}

void expect_plausible(const CaseOutcome& o, const char* rate) {
    ASSERT_EQ(o.status, status::ok) << o.reason;
    auto m = measured(o);
    ASSERT_EQ(m["batch_time"].size(), 2u);
    for (std::size_t i = 0; i < 2; ++i) {
        const double batch = m["batch_time"][i], calls = m["iterations"][i];
        EXPECT_GE(calls, 1);
        EXPECT_GT(batch, 0);
        EXPECT_NEAR(m["time"][i] * calls, batch, 1e-12 * calls);
        // Above 0.1 MFLOP/s (or MB/s) and below 100 TFLOP/s (TB/s): any machine, loaded or not.
        EXPECT_GT(m[rate][i], 1e-4) << rate;
        EXPECT_LT(m[rate][i], 1e5) << rate;
    }
    EXPECT_EQ(m.count(rate == std::string("gflops") ? "bandwidth" : "gflops"), 0u);
}

TEST(TorchRunner, EachKindRunsAndReportsItsMetricsAndBuild) {
    for (const auto& c : tiny_cases()) {
        SCOPED_TRACE(to_string(c.op));
        const auto o = run(c.op, c.params);
        expect_plausible(o, c.rate);
        auto env = environment(o);
        EXPECT_FALSE(env["torch.version"].empty());
        EXPECT_EQ(env["torch.threads"], "1");
        EXPECT_FALSE(env["torch.interop_threads"].empty());
        EXPECT_FALSE(env["torch.parallel_info"].empty());
        EXPECT_EQ(env["torch.parallel_info"].find('\n'), std::string::npos);
        EXPECT_FALSE(env["torch.blas"].empty());
        EXPECT_EQ(env["torch.device"], "cpu");
        EXPECT_TRUE(env["torch.cuda_available"] == "true" || env["torch.cuda_available"] == "false");
    }
}

TEST(TorchRunner, OtherDtypesRunAndVerify) {
    for (const char* dtype : {"float64", "bfloat16"}) {
        SCOPED_TRACE(dtype);
        for (const auto& c : tiny_cases()) {
            SCOPED_TRACE(to_string(c.op));
            json params = c.params;
            params["dtype"] = dtype;
            expect_plausible(run(c.op, params), c.rate);
        }
    }
}

// Each verification path passes on libtorch's correct output (a check that fails on correct
// output is as useless as one that passes on wrong output: see CorruptedOutput... below).
TEST(TorchRunner, EveryVerificationPathPassesOnCorrectOutput) {
    for (const char* op : {"sum", "mean", "max", "norm"}) {
        for (const char* dim : {"all", "0", "1"}) {
            SCOPED_TRACE(std::string(op) + " over " + dim);
            expect_plausible(run(TorchOp::reduction, {{"rows", 33}, {"cols", 70}, {"op", op}, {"dim", dim}}),
                             "bandwidth");
        }
    }
    for (const char* b : {"none", "row", "col"}) {
        SCOPED_TRACE(b);
        expect_plausible(run(TorchOp::elementwise, {{"rows", 33}, {"cols", 70}, {"broadcast", b}}), "bandwidth");
    }
    expect_plausible(run(TorchOp::mlp, {{"batch", 4}, {"layers", "12,20,6"}, {"activation", "relu"}}), "gflops");
    expect_plausible(run(TorchOp::train_step, {{"batch", 4}, {"layers", "12,20,6"}, {"optimizer", "sgd"}}), "gflops");
    // 320^3 multiply-adds is past the naive limit (2^24): the residual check runs on real output.
    expect_plausible(run(TorchOp::matmul, {{"n", 320}}), "gflops");
}

// The kinds that count FLOPs report efficiency against the measured FMA peak, as blas_gemm
// does: every gflops sample has its peak beside it and efficiency = gflops / peak. Not where no
// peak of the element type is measured (bfloat16), nor for the kinds that count bytes.
TEST(TorchRunner, FlopKindsReportEfficiencyAgainstTheMeasuredPeak) {
    for (const auto& c : tiny_cases()) {
        for (const char* dtype : {"float32", "float64", "bfloat16"}) {
            SCOPED_TRACE(std::string(to_string(c.op)) + " " + dtype);
            json params = c.params;
            params["dtype"] = dtype;
            const auto o = run(c.op, params);
            ASSERT_EQ(o.status, status::ok) << o.reason;
            auto m = measured(o);
            const bool expected = c.rate == std::string("gflops") && dtype != std::string("bfloat16");
            ASSERT_EQ(m.count("efficiency"), expected ? 1u : 0u);
            if (!expected) continue;
            ASSERT_EQ(m["efficiency"].size(), m["gflops"].size());
            for (std::size_t i = 0; i < m["gflops"].size(); ++i) {
                EXPECT_GT(m["peak_gflops"][i], 0);
                EXPECT_DOUBLE_EQ(m["efficiency"][i], m["gflops"][i] / m["peak_gflops"][i]);
            }
            auto env = environment(o);
            EXPECT_FALSE(env["peak_kernel"].empty());
            EXPECT_NE(env["peak_trials"], "0");
        }
    }
}

TEST(TorchRunner, ThreadsAreHonouredInLibtorchAndItsBlas) {
    const auto o = run(TorchOp::matmul, {{"n", 128}, {"threads", 2}});
    ASSERT_EQ(o.status, status::ok) << o.reason;
    auto env = environment(o);
    EXPECT_EQ(env["torch.threads"], "2");
    EXPECT_NE(env["torch.parallel_info"].find("at::get_num_threads() : 2"), std::string::npos)
        << env["torch.parallel_info"];
    // Debian's libtorch runs on OpenBLAS, whose pool at::set_num_threads does not reach.
    if (env["torch.blas"].find("OpenBLAS") == 0) {
        EXPECT_NE(env["torch.blas"].find(", threads=2"), std::string::npos) << env["torch.blas"];
    }
}

TEST(TorchRunner, CorruptedOutputFailsTheCaseWithWrongResult) {
    for (const auto& c : tiny_cases()) {
        SCOPED_TRACE(to_string(c.op));
        int batches = 0;
        // Corrupt only the third batch: the warm-up and the first sample pass and are kept.
        const auto o = run(c.op, c.params, [&](TorchWorkload& w) {
            if (++batches == 3) w.corrupt_last_output();
        });
        EXPECT_EQ(o.status, status::wrong_result) << o.reason;
        EXPECT_NE(o.reason.find(c.op == TorchOp::train_step ? "loss" : to_string(c.op)), std::string::npos) << o.reason;
        EXPECT_EQ(measured(o)["batch_time"].size(), 1u);
    }
}

TEST(TorchRunner, ATrainStepThatCannotLearnFailsBeforeTiming) {
    // An SGD step of 1e-9 cannot move bfloat16 weights (8 significant bits).
    const auto o = run(TorchOp::train_step, {{"batch", 8}, {"layers", "16,8"}, {"dtype", "bfloat16"}, {"lr", 1e-9}});
    EXPECT_EQ(o.status, status::wrong_result);
    EXPECT_NE(o.reason.find("did not change"), std::string::npos) << o.reason;
    EXPECT_TRUE(o.samples.empty());
}

// Each test here is a process that loads libtorch (about a second): related checks share one.
TEST(TorchRunner, CasesThatCannotRunAreErrorsNotCrashes) {
    const auto bad = run(TorchOp::matmul, {{"n", 10}, {"dtype", "float16"}});
    EXPECT_EQ(bad.status, status::error);
    EXPECT_NE(bad.reason.find("invalid torch_matmul parameter 'dtype'"), std::string::npos) << bad.reason;

    const auto o = run(TorchOp::matmul, {{"n", 64}, {"device", "cuda"}});
    if (environment(o)["torch.cuda_available"] == "true") GTEST_SKIP() << "this libtorch sees a GPU";
    EXPECT_EQ(o.status, status::error);
    EXPECT_TRUE(o.reason.find("this libtorch has no CUDA") != std::string::npos ||
                o.reason.find("sees no GPU") != std::string::npos)
        << o.reason;
    EXPECT_TRUE(o.samples.empty());
    EXPECT_EQ(environment(o)["torch.device"], "cuda");
}

TEST(TorchRunner, TimeoutAndStopRequestEndABatch) {
    const auto matmul = make_torch_runner(TorchOp::matmul);
    Case c = torch_case("torch_matmul", {{"n", 256}, {"min_batch_time", 2.0}});
    c.settings.timeout = 0.2;  // the 2 s batch cannot finish inside it
    const auto timed_out = matmul->run(c, RunContext{});
    EXPECT_EQ(timed_out.status, status::timeout) << timed_out.reason;

    const auto elementwise = make_torch_runner(TorchOp::elementwise);
    std::atomic<int> polls = 0;
    RunContext ctx;
    ctx.should_stop = [&] { return ++polls > 5; };
    const auto stopped = elementwise->run(torch_case("torch_elementwise", {{"rows", 256}, {"min_batch_time", 1.0}}),
                                          ctx);
    EXPECT_EQ(stopped.status, status::interrupted) << stopped.reason;
}

}  // namespace
}  // namespace perfmatrix::torch_bench
