// The cublas_gemm declaration and parameter parsing: known in every build, with or without CUDA.
#include "measure/cuda/cublas_params.hpp"
#include "measure/kind_registry.hpp"
#include "measure/model/kind.hpp"

#include "tests/support/params_test_support.hpp"

#include <gtest/gtest.h>

#include <string>

namespace perfmatrix::cuda {
namespace {

using json = nlohmann::json;

CublasGemmParams parsed(const json& params) { return test::accepted(parse_cublas_gemm_params(params)); }

ParamProblem problem(const json& params) { return test::refused(parse_cublas_gemm_params(params), params); }

TEST(CublasGemmParams, DefaultsFollowN) {
    const auto p = parsed({{"n", 256}});
    EXPECT_EQ(p.m, 256);
    EXPECT_EQ(p.n, 256);
    EXPECT_EQ(p.k, 256);
    EXPECT_EQ(p.dtype, GemmDtype::float32);
    EXPECT_EQ(p.device, 0);
    EXPECT_DOUBLE_EQ(p.min_batch_time, 0.01);
}

TEST(CublasGemmParams, EveryParameterIsRead) {
    const auto p = parsed(
        {{"n", 30}, {"m", 10}, {"k", 20}, {"dtype", "float64"}, {"device", 3}, {"min_batch_time", 0.5}});
    EXPECT_EQ(p.m, 10);
    EXPECT_EQ(p.n, 30);
    EXPECT_EQ(p.k, 20);
    EXPECT_EQ(p.dtype, GemmDtype::float64);
    EXPECT_EQ(p.device, 3);
    EXPECT_DOUBLE_EQ(p.min_batch_time, 0.5);
    EXPECT_STREQ(to_string(p.dtype), "float64");
    EXPECT_EQ(element_size(p.dtype), 8u);
}

TEST(CublasGemmParams, BadValuesNameTheParameterAndWhatWasExpected) {
    struct Row {
        json params;
        const char* param;
        const char* message;
    };
    const Row rows[] = {
        {json::object(), "n", "required"},
        {{{"n", 0}}, "n", "between 1 and 2147483647"},
        {{{"n", 4}, {"m", -1}}, "m", "between 1 and"},
        {{{"n", 4}, {"k", 2147483648LL}}, "k", "between 1 and 2147483647"},
        {{{"n", 4.5}}, "n", "expected an integer"},
        {{{"n", 4}, {"dtype", "f32"}}, "dtype", "'f32' is not one of: float32, float64"},
        {{{"n", 4}, {"dtype", "float16"}}, "dtype", "not one of"},
        {{{"n", 4}, {"dtype", 32}}, "dtype", "expected a string"},
        {{{"n", 4}, {"device", -1}}, "device", "between 0 and 1023"},
        {{{"n", 4}, {"min_batch_time", 0}}, "min_batch_time", "more than 0 and at most 3600 seconds"},
        {{{"n", 4}, {"threads", 2}}, "threads", "unknown parameter 'threads' for kind cublas_gemm"},
        // 3 x 400000^2 doubles: 3.8e12 bytes.
        {{{"n", 400000}, {"dtype", "float64"}}, "n", "the limit is 1e+12"},
    };
    for (const auto& row : rows) {
        SCOPED_TRACE(row.params.dump());
        const auto p = problem(row.params);
        EXPECT_EQ(p.param, row.param);
        EXPECT_NE(p.message.find(row.message), std::string::npos) << p.message;
    }
}

TEST(CublasGemmKind, IsDeclaredInEveryBuild) {
    const Kind* spec = find_kind("cublas_gemm");
    ASSERT_NE(spec, nullptr);
    for (const char* name : {"n", "m", "k", "dtype", "device", "min_batch_time"}) {
        EXPECT_NE(spec->find_param(name), nullptr) << name;
    }
    EXPECT_TRUE(spec->find_param("n")->required);
    EXPECT_EQ(spec->find_param("dtype")->type, ParamType::string);
    EXPECT_EQ(spec->find_param("min_batch_time")->type, ParamType::number);
    ASSERT_TRUE(spec->check);
    EXPECT_FALSE(spec->check({{"n", 64}}).has_value());
    const auto bad = spec->check({{"n", 64}, {"dtype", "double"}});
    ASSERT_TRUE(bad.has_value());
    EXPECT_EQ(bad->param, "dtype");
}

TEST(CublasGemmKind, EveryCaseRequiresAGpu) {
    const Kind* spec = find_kind("cublas_gemm");
    ASSERT_NE(spec, nullptr);
    ASSERT_TRUE(spec->implied_requires);
    for (const json& params : {json{{"n", 64}}, json{{"n", 8}, {"device", 1}, {"dtype", "float64"}}}) {
        EXPECT_EQ(spec->implied_requires(params), std::vector<std::string>{"gpu"}) << params.dump();
    }
}

}  // namespace
}  // namespace perfmatrix::cuda
