// CublasGemmRunner linked directly (not through the module), so a test can pass the hook that
// corrupts C on the device. Needs a GPU: each test says so and skips where the CUDA runtime
// sees none, except the one that checks what happens then.
#include "measure/cuda/cublas_gemm_runner.hpp"

#include <cuda_runtime_api.h>
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

namespace perfmatrix::cuda {
namespace {

using json = nlohmann::json;

// Why no GPU can be used here, or empty when one can.
std::string no_gpu_reason() {
    int count = 0;
    const cudaError_t e = cudaGetDeviceCount(&count);
    if (e != cudaSuccess) return std::string("cudaGetDeviceCount: ") + cudaGetErrorName(e);
    return count == 0 ? "cudaGetDeviceCount: 0 devices" : "";
}

#define REQUIRE_GPU()                                                             \
    do {                                                                          \
        if (const auto why = no_gpu_reason(); !why.empty())                       \
            GTEST_SKIP() << "needs a CUDA GPU, none usable here (" << why << ")"; \
    } while (false)

Case gemm_case(json params, double timeout = 60) {
    Case c;
    c.id = "cublas/test";
    c.benchmark = "cublas";
    c.kind = "cublas_gemm";
    if (!params.contains("min_batch_time")) params["min_batch_time"] = 0.002;
    c.params = std::move(params);
    c.settings.warmup = 1;
    c.settings.repetitions = 3;
    c.settings.max_repetitions = 3;
    c.settings.timeout = timeout;
    return c;
}

CaseOutcome run(const json& params, CublasGemmRunner::BeforeVerify hook = {}, double timeout = 60) {
    CublasGemmRunner runner(std::move(hook));
    return runner.run(gemm_case(params, timeout), RunContext{});
}

std::map<std::string, std::vector<double>> measured(const CaseOutcome& o) {
    std::map<std::string, std::vector<double>> by;
    for (const auto& s : o.samples) {
        if (!s.warmup) by[s.metric].push_back(s.value);
    }
    return by;
}

std::map<std::string, std::string> environment(const CaseOutcome& o) {
    return {o.environment.begin(), o.environment.end()};
}

// Writes `value` over C's first element on the device.
template <typename T>
CublasGemmRunner::BeforeVerify overwrite_first(T value) {
    return [value](void* c, std::size_t bytes) {
        ASSERT_GE(bytes, sizeof(T));
        ASSERT_EQ(cudaMemcpy(c, &value, sizeof(T), cudaMemcpyHostToDevice), cudaSuccess);
    };
}

TEST(CublasGemmGpu, WithoutAGpuTheCaseIsAnErrorNotACrash) {
    if (no_gpu_reason().empty()) GTEST_SKIP() << "a GPU is usable here: the no-device path cannot be seen";
    const auto o = run({{"n", 64}});
    EXPECT_EQ(o.status, status::error);
    EXPECT_TRUE(o.reason.starts_with("no CUDA device visible (cudaGetDeviceCount: ")) << o.reason;
    EXPECT_EQ(environment(o).count("cuda.runtime_version"), 1u);
}

TEST(CublasGemmGpu, BothDtypesRunVerifiedWithTheirMetrics) {
    REQUIRE_GPU();
    for (const char* dtype : {"float32", "float64"}) {
        SCOPED_TRACE(dtype);
        const auto o = run({{"n", 80}, {"m", 96}, {"k", 64}, {"dtype", dtype}});
        ASSERT_EQ(o.status, status::ok) << o.reason;
        auto m = measured(o);
        ASSERT_EQ(m["batch_time"].size(), 3u);
        for (std::size_t i = 0; i < 3; ++i) {
            EXPECT_GE(m["batch_time"][i], 0.002 * 0.5);  // calibrated to min_batch_time (GPU clocks vary)
            EXPECT_GE(m["iterations"][i], 1);
            EXPECT_NEAR(m["time"][i] * m["iterations"][i], m["batch_time"][i], 1e-9);
            EXPECT_NEAR(m["gflops"][i], 2.0 * 96 * 80 * 64 * m["iterations"][i] / m["batch_time"][i] / 1e9,
                        1e-6 * m["gflops"][i]);
        }
        EXPECT_EQ(m.count("efficiency"), 0u);  // no honest GPU peak (cublas_gemm_runner.cpp says why)
        auto env = environment(o);
        for (const char* key : {"cuda.runtime_version", "cuda.driver_version", "cublas.version", "gpu.name",
                                "gpu.memory", "gpu.compute_capability", "gpu.clock"}) {
            EXPECT_FALSE(env[key].empty()) << key;
        }
    }
}

TEST(CublasGemmGpu, ALargeProductIsVerifiedByResidual) {
    REQUIRE_GPU();
    // 512^3 multiply-adds is past blas_verify's naive limit (2^24).
    const auto o = run({{"n", 512}, {"dtype", "float64"}});
    ASSERT_EQ(o.status, status::ok) << o.reason;
}

TEST(CublasGemmGpu, ACorruptedResultIsAWrongResult) {
    REQUIRE_GPU();
    const auto small = run({{"n", 64}}, overwrite_first(12345.0f));
    EXPECT_EQ(small.status, status::wrong_result);
    EXPECT_NE(small.reason.find("C[0][0]"), std::string::npos) << small.reason;
    const auto large = run({{"n", 512}, {"dtype", "float64"}}, overwrite_first(12345.0));
    EXPECT_EQ(large.status, status::wrong_result);
    EXPECT_NE(large.reason.find("residual: row 0"), std::string::npos) << large.reason;
}

TEST(CublasGemmGpu, ADeviceThatDoesNotExistIsAnError) {
    REQUIRE_GPU();
    const auto o = run({{"n", 64}, {"device", 1023}});
    EXPECT_EQ(o.status, status::error);
    EXPECT_NE(o.reason.find("device 1023 does not exist"), std::string::npos) << o.reason;
}

TEST(CublasGemmGpu, ABatchPastTheTimeoutEndsAsTimeout) {
    REQUIRE_GPU();
    // 4096^3 float64 takes over a millisecond on any GPU; 1 ms allows no calibrated batch.
    const auto o = run({{"n", 4096}, {"dtype", "float64"}, {"min_batch_time", 1.0}}, {}, 0.001);
    EXPECT_EQ(o.status, status::timeout) << o.reason;
}

}  // namespace
}  // namespace perfmatrix::cuda
