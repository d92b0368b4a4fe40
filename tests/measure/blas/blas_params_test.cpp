#include "measure/blas/blas_params.hpp"
#include "measure/kind_registry.hpp"
#include "measure/model/kind.hpp"

#include <gtest/gtest.h>

#include <variant>

namespace perfmatrix::blas {
namespace {

using json = nlohmann::json;

std::optional<ParamProblem> check(const char* kind, const json& params) {
    const Kind* spec = find_kind(kind);
    EXPECT_NE(spec, nullptr) << kind;
    return spec ? spec->check(params) : std::nullopt;
}

std::string problem_param(const char* kind, const json& params) {
    const auto p = check(kind, params);
    return p ? p->param : "";
}

}  // namespace

TEST(BlasParams, EveryKindIsRegisteredWithARunner) {
    for (const char* kind : {"blas_gemm", "blas_gemv", "blas_dot", "blas_axpy"}) {
        ASSERT_NE(find_kind(kind), nullptr) << kind;
        EXPECT_NE(make_runner(kind), nullptr) << kind;
        EXPECT_TRUE(find_kind(kind)->find_param("n")->required) << kind;
    }
    EXPECT_EQ(make_runner("blas"), nullptr);
    for (const char* kind : {"blas_gemm", "blas_dot"}) EXPECT_EQ(find_kind(kind)->category, "compute") << kind;
}

TEST(BlasParams, SizesBelongToTheirOperation) {
    EXPECT_NE(find_kind("blas_gemm")->find_param("k"), nullptr);
    EXPECT_NE(find_kind("blas_gemv")->find_param("m"), nullptr);
    EXPECT_EQ(find_kind("blas_gemv")->find_param("k"), nullptr);
    EXPECT_EQ(find_kind("blas_dot")->find_param("m"), nullptr);
    EXPECT_EQ(find_kind("blas_axpy")->find_param("k"), nullptr);
}

TEST(BlasParams, DefaultsAndDerivedSizes) {
    const auto parsed = parse_blas_params(BlasOp::gemm, json{{"n", 64}});
    ASSERT_TRUE(std::holds_alternative<BlasParams>(parsed));
    const auto& p = std::get<BlasParams>(parsed);
    EXPECT_EQ(p.m, 64);
    EXPECT_EQ(p.k, 64);
    EXPECT_EQ(p.dtype, BlasDtype::f64);
    EXPECT_EQ(p.threads, 1);
    EXPECT_DOUBLE_EQ(p.min_batch_time, 0.01);
    EXPECT_TRUE(p.rotate);
    EXPECT_EQ(p.library, "libopenblas.so.0");

    const auto rect = std::get<BlasParams>(
        parse_blas_params(BlasOp::gemm, json{{"n", 8}, {"m", 3}, {"k", 5}, {"dtype", "f32"}, {"threads", 2}}));
    EXPECT_EQ(rect.m, 3);
    EXPECT_EQ(rect.n, 8);
    EXPECT_EQ(rect.k, 5);
    EXPECT_EQ(rect.dtype, BlasDtype::f32);
    EXPECT_EQ(rect.threads, 2);
}

TEST(BlasParams, CheckAcceptsGoodParams) {
    EXPECT_FALSE(check("blas_gemm", json{{"n", 2048}, {"dtype", "f32"}, {"threads", 2}}));
    EXPECT_FALSE(check("blas_gemv", json{{"n", 100}, {"m", 7}, {"rotate", false}}));
    EXPECT_FALSE(check("blas_dot", json{{"n", 1}, {"min_batch_time", 0.5}, {"library", "libopenblas.so.0"}}));
    EXPECT_FALSE(check("blas_axpy", json{{"n", 1000000}}));
}

TEST(BlasParams, CheckPointsAtTheBadParam) {
    EXPECT_EQ(problem_param("blas_gemm", json::object()), "n");
    EXPECT_EQ(problem_param("blas_gemm", json{{"n", 0}}), "n");
    EXPECT_EQ(problem_param("blas_gemm", json{{"n", 4}, {"k", -1}}), "k");
    EXPECT_EQ(problem_param("blas_gemm", json{{"n", 4}, {"m", 3000000000LL}}), "m");  // CBLAS ints are 32-bit
    EXPECT_EQ(problem_param("blas_gemm", json{{"n", 4}, {"dtype", "f16"}}), "dtype");
    EXPECT_EQ(problem_param("blas_dot", json{{"n", 4}, {"threads", 0}}), "threads");
    EXPECT_EQ(problem_param("blas_dot", json{{"n", 4}, {"min_batch_time", 0}}), "min_batch_time");
    EXPECT_EQ(problem_param("blas_axpy", json{{"n", 4}, {"rotate", "yes"}}), "rotate");
    EXPECT_EQ(problem_param("blas_axpy", json{{"n", 4}, {"library", ""}}), "library");
    // 3 x 1e6^2 doubles: refused before anything tries to allocate them.
    EXPECT_EQ(problem_param("blas_gemm", json{{"n", 1000000}}), "n");
    const auto p = check("blas_gemm", json{{"n", 4}, {"dtype", "f16"}});
    ASSERT_TRUE(p);
    EXPECT_NE(p->message.find("f32"), std::string::npos) << p->message;
}

}  // namespace perfmatrix::blas
