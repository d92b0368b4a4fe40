// The torch kinds' parameters and work formulas: what job loading sees on every machine, with
// or without libtorch.
#include "measure/kind_registry.hpp"
#include "measure/model/kind.hpp"
#include "measure/model/runner.hpp"
#include "measure/torch/torch_params.hpp"
#include "measure/torch/torch_work.hpp"

#include "tests/support/params_test_support.hpp"

#include <gtest/gtest.h>

#include <string>
#include <variant>

namespace perfmatrix::torch_bench {
namespace {

using json = nlohmann::json;

TorchParams parse_ok(TorchOp op, const json& params) { return test::accepted(parse_torch_params(op, params)); }

std::string problem(const char* kind, const json& params) { return test::check_problem(kind, params); }

TEST(TorchKinds, AllSixAreKnownWithARunner) {
    for (const char* kind :
         {"torch_matmul", "torch_conv2d", "torch_elementwise", "torch_reduction", "torch_mlp", "torch_train_step"}) {
        SCOPED_TRACE(kind);
        ASSERT_NE(find_kind(kind), nullptr);
        EXPECT_NE(make_runner(kind), nullptr);
    }
}

TEST(TorchParams, DefaultsAreFloat32OneThreadOnTheCpu) {
    const auto p = parse_ok(TorchOp::matmul, {{"n", 64}});
    EXPECT_EQ(p.dtype, Dtype::float32);
    EXPECT_EQ(p.device, Device::cpu);
    EXPECT_EQ(p.threads, 1);
    EXPECT_EQ(p.min_batch_time, 0.01);
    const auto& s = std::get<MatmulShape>(p.shape);
    EXPECT_EQ(s.m, 64);
    EXPECT_EQ(s.k, 64);
}

TEST(TorchParams, EveryKindParsesItsShape) {
    const auto conv = std::get<Conv2dShape>(
        parse_ok(TorchOp::conv2d,
                 {{"in_channels", 3}, {"out_channels", 8}, {"height", 32}, {"stride", 2}, {"padding", 1}})
            .shape);
    EXPECT_EQ(conv.width, 32);
    EXPECT_EQ(conv.out_height(), 16);  // (32 + 2 - 3) / 2 + 1
    const auto ew = std::get<ElementwiseShape>(
        parse_ok(TorchOp::elementwise, {{"rows", 10}, {"cols", 20}, {"broadcast", "col"}}).shape);
    EXPECT_EQ(ew.operand_rows(), 10);
    EXPECT_EQ(ew.operand_cols(), 1);
    const auto red = std::get<ReductionShape>(
        parse_ok(TorchOp::reduction, {{"rows", 10}, {"cols", 20}, {"dim", "0"}, {"op", "norm"}}).shape);
    EXPECT_EQ(red.output_elements(), 20);
    EXPECT_EQ(red.reduced_length(), 10);
    const auto all = std::get<ReductionShape>(parse_ok(TorchOp::reduction, {{"rows", 10}, {"cols", 20}}).shape);
    EXPECT_FALSE(all.dim.has_value());
    EXPECT_EQ(all.reduced_length(), 200);
    const auto mlp = std::get<MlpShape>(
        parse_ok(TorchOp::mlp, {{"layers", " 8, 16 ,4"}, {"activation", "gelu"}}).shape);
    EXPECT_EQ(mlp.layers, (std::vector<std::int64_t>{8, 16, 4}));
    EXPECT_EQ(mlp.batch, 64);
    const auto train = std::get<TrainShape>(
        parse_ok(TorchOp::train_step, {{"layers", "8,4"}, {"optimizer", "adam"}}).shape);
    EXPECT_EQ(train.optimizer, Optimizer::adam);
    EXPECT_EQ(train.lr, 1e-3);
}

TEST(TorchParams, BadValuesAreRejectedNamingTheParameter) {
    EXPECT_EQ(problem("torch_matmul", {{"n", 64}, {"dtype", "float16"}}).rfind("dtype: ", 0), 0u);
    EXPECT_NE(problem("torch_matmul", {{"n", 64}, {"dtype", "float16"}}).find("float32, float64, bfloat16"),
              std::string::npos);
    EXPECT_EQ(problem("torch_matmul", {{"m", 64}}), "n: required: columns of B and C");
    EXPECT_EQ(problem("torch_matmul", {{"n", 0}}).rfind("n: must be between 1 and", 0), 0u);
    EXPECT_EQ(problem("torch_matmul", {{"n", 8}, {"threads", 0}}).rfind("threads: ", 0), 0u);
    EXPECT_EQ(problem("torch_matmul", {{"n", 8}, {"device", "tpu"}}).rfind("device: ", 0), 0u);
    EXPECT_EQ(problem("torch_matmul", {{"n", 8}, {"k_size", 3}}).rfind("k_size: unknown parameter", 0), 0u);
    EXPECT_EQ(problem("torch_conv2d", {{"in_channels", 3}, {"out_channels", 8}, {"height", 4}, {"kernel_size", 7}})
                  .rfind("kernel_size: a 7x7 kernel does not fit", 0),
              0u);
    EXPECT_EQ(problem("torch_reduction", {{"rows", 8}, {"dim", "2"}}).rfind("dim: ", 0), 0u);
    EXPECT_EQ(problem("torch_elementwise", {{"rows", 8}, {"broadcast", "diag"}}).rfind("broadcast: ", 0), 0u);
    EXPECT_EQ(problem("torch_mlp", {{"layers", "1024"}}).rfind("layers: only one size", 0), 0u);
    EXPECT_EQ(problem("torch_mlp", {{"layers", "1024,x,8"}}).rfind("layers: 'x' is not a size", 0), 0u);
    EXPECT_EQ(problem("torch_mlp", {{"layers", "1024,,8"}}).rfind("layers: '' is not a size", 0), 0u);
    EXPECT_EQ(problem("torch_mlp", {{"layers", "8,-4"}}).rfind("layers: -4 is out of range", 0), 0u);
    EXPECT_EQ(problem("torch_mlp", {{"layers", 1024}}).rfind("layers: expected a string", 0), 0u);
    EXPECT_EQ(problem("torch_train_step", {{"layers", "8,4"}, {"optimizer", "lbfgs"}}).rfind("optimizer: ", 0), 0u);
    EXPECT_EQ(problem("torch_train_step", {{"layers", "8,4"}, {"lr", 0}}).rfind("lr: ", 0), 0u);
    // 10^6 x 10^6 float32 operands: 12 TB.
    EXPECT_NE(problem("torch_matmul", {{"n", 1000000}}).find("the tensors would take"), std::string::npos);
    // The mlp's layer sizes are not kind parameters of matmul.
    EXPECT_FALSE(problem("torch_matmul", {{"n", 8}, {"layers", "8,8"}}).empty());
    EXPECT_EQ(problem("torch_matmul", {{"n", 8}, {"dtype", "bfloat16"}, {"device", "cuda"}, {"seed", 7}}), "");
}

TEST(TorchParams, OnlyCudaCasesImplyAGpu) {
    const Kind* spec = find_kind("torch_mlp");
    ASSERT_TRUE(spec->implied_requires);
    EXPECT_EQ(spec->implied_requires({{"layers", "8,8"}, {"device", "cuda"}}), (std::vector<std::string>{"gpu"}));
    EXPECT_TRUE(spec->implied_requires({{"layers", "8,8"}, {"device", "cpu"}}).empty());
    EXPECT_TRUE(spec->implied_requires({{"layers", "8,8"}}).empty());
}

TEST(TorchWork, FlopsFollowTheStandardCounts) {
    EXPECT_EQ(work_per_call(parse_ok(TorchOp::matmul, {{"m", 2}, {"n", 3}, {"k", 5}})).flops, 2.0 * 2 * 3 * 5);
    // 2 * N * Cout * Hout * Wout * Cin * K * K with Hout = Wout = (10 - 3) / 1 + 1 = 8.
    EXPECT_EQ(work_per_call(
                  parse_ok(TorchOp::conv2d, {{"batch", 2}, {"in_channels", 3}, {"out_channels", 4}, {"height", 10}}))
                  .flops,
              2.0 * 2 * 4 * 8 * 8 * 3 * 3 * 3);
    const double forward = 2.0 * 16 * (8 * 32 + 32 * 4);
    EXPECT_EQ(work_per_call(parse_ok(TorchOp::mlp, {{"batch", 16}, {"layers", "8,32,4"}})).flops, forward);
    // Backward: 2x forward less the first layer's input gradient.
    EXPECT_EQ(work_per_call(parse_ok(TorchOp::train_step, {{"batch", 16}, {"layers", "8,32,4"}})).flops,
              3 * forward - 2.0 * 16 * 8 * 32);
}

TEST(TorchWork, BytesCountEachOperandOnce) {
    // float64: a and out 4x6, b and c one row of 6.
    const auto ew = work_per_call(
        parse_ok(TorchOp::elementwise, {{"rows", 4}, {"cols", 6}, {"broadcast", "row"}, {"dtype", "float64"}}));
    EXPECT_EQ(ew.bytes, (2 * 24 + 2 * 6) * 8.0);
    EXPECT_EQ(ew.flops, 0);
    // bfloat16: read 4x6, write 4 (one per row).
    EXPECT_EQ(work_per_call(
                  parse_ok(TorchOp::reduction, {{"rows", 4}, {"cols", 6}, {"dim", "1"}, {"dtype", "bfloat16"}}))
                  .bytes,
              (24 + 4) * 2.0);
}

}  // namespace
}  // namespace perfmatrix::torch_bench
