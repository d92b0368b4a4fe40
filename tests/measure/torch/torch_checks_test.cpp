// The pieces the torch verifications are built from: tolerances, sampled indices, and the
// one-line form of libtorch's parallel info.
#include "measure/torch/torch_sampled_indices.hpp"
#include "measure/torch/torch_text.hpp"
#include "measure/torch/torch_tolerance.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace perfmatrix::torch_bench {
namespace {

constexpr auto kProducts = Accumulation::products;
constexpr auto kReductions = Accumulation::reductions;

TEST(TorchTolerance, BfloatProductsAccumulateInBfloatReductionsInFloat) {
    const auto bf = precision_for(Dtype::bfloat16, kProducts);
    EXPECT_EQ(bf.out, 0x1p-7);
    EXPECT_EQ(bf.acc, 0x1p-7);
    EXPECT_EQ(precision_for(Dtype::bfloat16, kReductions).acc, precision_for(Dtype::float32, kProducts).acc);
    EXPECT_EQ(precision_for(Dtype::bfloat16, kReductions).out, 0x1p-7);
    EXPECT_EQ(precision_for(Dtype::float32, kProducts, true).in, 0x1p-10);
    EXPECT_EQ(precision_for(Dtype::float64, kProducts, true).in, 0);
    EXPECT_EQ(precision_for(Dtype::float64, kProducts).reduced, 0);
}

TEST(TorchTolerance, DotBoundGrowsWithTermsAndMagnitude) {
    const auto p = precision_for(Dtype::float32, kProducts);
    const double small = dot_tolerance(p, 10, 1.0, 0.5), more_terms = dot_tolerance(p, 1000, 1.0, 0.5);
    EXPECT_LT(small, more_terms);
    EXPECT_NEAR(dot_tolerance(p, 10, 2.0, 0.0), 2 * dot_tolerance(p, 10, 1.0, 0.0), 1e-20);
    // A result off by 1 % of its magnitude is never within the float32 bound of a short sum.
    EXPECT_LT(small, 0.01);
    // Statistical, not worst-case: at k = 4096 far below 2(k+2)·eps·Σ|products|, which would
    // pass anything in bfloat16.
    EXPECT_LT(dot_tolerance(p, 4096, 1.0, 0.0), 2 * 4098 * p.acc / 50);
    EXPECT_LT(dot_tolerance(precision_for(Dtype::bfloat16, kProducts), 4096, 1.0, 0.0), 0.5);
}

TEST(TorchTolerance, SameSignedSumsGetTheRandomWalkAllowance) {
    const auto p = precision_for(Dtype::float32, kProducts);
    const double mixed = sum_tolerance(p, 1 << 20, 1.0, 0.0, false);
    const double squares = sum_tolerance(p, 1 << 20, 1.0, 0.0, true);
    EXPECT_GT(squares, 50 * mixed);
    // Covers libtorch 1.13's float32 norm drift (31000 eps at 64M elements; the norm's relative
    // error is half its sum of squares'), yet is far tighter than the worst case terms * eps.
    EXPECT_GT(sum_tolerance(p, 64'000'000, 1.0, 0.0, true) / 2, 4 * 31000 * p.acc);
    EXPECT_LT(squares, (1 << 20) * p.acc / 50);
    // A float32 norm of 1M elements off by 0.1 % is refused.
    EXPECT_LT(sum_tolerance(p, 1'000'000, 1.0, 0.0, true) / 2, 1e-3);
}

TEST(TorchTolerance, ElementwiseAllowsTwoRoundings) {
    const auto p = precision_for(Dtype::bfloat16, kReductions);
    EXPECT_NEAR(fma_tolerance(p, 1.0, 0.5), 2 * 0x1p-7 * 1.5, 1e-12);
}

TEST(SampledIndices, AllWhenFewElseEndsPlusASpread) {
    EXPECT_EQ(sampled_indices(3, 10), (std::vector<std::int64_t>{0, 1, 2}));
    const auto picked = sampled_indices(1'000'000, 64);
    ASSERT_EQ(picked.size(), 64u);
    EXPECT_EQ(picked[0], 0);
    EXPECT_EQ(picked[1], 999'999);
    EXPECT_TRUE(std::all_of(picked.begin(), picked.end(), [](std::int64_t i) { return i >= 0 && i < 1'000'000; }));
    EXPECT_GT(std::set<std::int64_t>(picked.begin(), picked.end()).size(), 60u);
    EXPECT_EQ(sampled_indices(1'000'000, 64), picked);  // the same every check
    EXPECT_TRUE(sampled_indices(0, 4).empty());
}

TEST(TorchEnvironment, ParallelInfoBecomesOneLine) {
    EXPECT_EQ(one_line("ATen/Parallel:\n\tat::get_num_threads() : 2\n\n  OpenMP  4.5 \n"),
              "ATen/Parallel:; at::get_num_threads() : 2; OpenMP 4.5");
}

}  // namespace
}  // namespace perfmatrix::torch_bench
