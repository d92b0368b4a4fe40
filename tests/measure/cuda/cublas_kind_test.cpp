// cublas_gemm as perfmatrix-measure and the job loader see it: the registry's runner loads
// the CUDA module (when built) and reports a missing GPU as an error; a job's cases require one.
#include "measure/kind_registry.hpp"
#include "measure/model/runner.hpp"
#include "measure/system/gpu_inventory.hpp"
#include "orchestrator/job/job.hpp"
#include "tests/support/job_test_support.hpp"
#include "tests/support/scoped_env.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>

namespace perfmatrix {
namespace {

using test::ScopedEnv;

Case gemm_case(nlohmann::json params) {
    Case c;
    c.id = "cublas/test";
    c.benchmark = "cublas";
    c.kind = "cublas_gemm";
    c.params = std::move(params);
    c.settings.warmup = 1;
    c.settings.repetitions = 3;
    c.settings.max_repetitions = 3;
    c.settings.timeout = 60;
    return c;
}

// maybe_unused: only the PERFMATRIX_WITH_CUDA tests below use these two (a build without CUDA,
// such as the asan preset, warned).
[[maybe_unused]] std::map<std::string, std::string> environment(const CaseOutcome& o) {
    return {o.environment.begin(), o.environment.end()};
}

// A GPU the CUDA runtime could use: the driver's NVML lists one (none here: no driver).
[[maybe_unused]] bool gpu_present() {
    return !read_gpu_inventory(kNvmlLibrary, std::getenv("CUDA_VISIBLE_DEVICES")).devices.empty();
}

TEST(CublasGemmRunner, TheRegistryHasARunner) { EXPECT_NE(make_runner("cublas_gemm"), nullptr); }

#ifdef PERFMATRIX_WITH_CUDA

TEST(CublasGemmRunner, WithoutAGpuTheCaseIsAnErrorThatSaysSo) {
    if (gpu_present()) GTEST_SKIP() << "a GPU is present: the no-device path cannot be seen here";
    const ScopedEnv dir("PERFMATRIX_MODULE_DIR", PERFMATRIX_MODULE_BUILD_DIR);
    const auto o = make_runner("cublas_gemm")->run(gemm_case({{"n", 64}}), RunContext{});
    EXPECT_EQ(o.status, status::error);
    EXPECT_TRUE(o.reason.starts_with("no CUDA device visible (cudaGetDeviceCount: ")) << o.reason;
    EXPECT_TRUE(o.samples.empty());
    // The libraries' versions are known without a device, and recorded with the failure.
    const auto env = environment(o);
    EXPECT_TRUE(env.count("cuda.runtime_version")) << o.reason;
    EXPECT_TRUE(env.count("cublas.version"));
    EXPECT_EQ(env.count("gpu.name"), 0u);
}

TEST(CublasGemmRunner, OnAGpuTheCaseRunsThroughTheModule) {
    if (!gpu_present()) GTEST_SKIP() << "no GPU (NVML lists none): this runs on GPU machines only";
    const ScopedEnv dir("PERFMATRIX_MODULE_DIR", PERFMATRIX_MODULE_BUILD_DIR);
    const auto o = make_runner("cublas_gemm")->run(gemm_case({{"n", 256}, {"min_batch_time", 0.002}}), RunContext{});
    ASSERT_EQ(o.status, status::ok) << o.reason;
    const auto gflops = std::count_if(o.samples.begin(), o.samples.end(),
                                      [](const Sample& s) { return !s.warmup && s.metric == "gflops" && s.value > 0; });
    EXPECT_EQ(gflops, 3);
    EXPECT_FALSE(environment(o)["gpu.name"].empty());
}

#else

TEST(CublasGemmRunner, ABuildWithoutCudaSaysHowToGetIt) {
    const auto o = make_runner("cublas_gemm")->run(gemm_case({{"n", 64}}), RunContext{});
    EXPECT_EQ(o.status, status::error);
    EXPECT_NE(o.reason.find("libperfmatrix-cuda.so (not found)"), std::string::npos) << o.reason;
    EXPECT_NE(o.reason.find("-DPERFMATRIX_CUDA=ON"), std::string::npos) << o.reason;
}

#endif

TEST(CublasGemmJob, CasesRequireAGpuWhateverTheJobSays) {
    const Job job = parse_job(R"(
[[benchmark]]
name = "gemm"
kind = "cublas_gemm"
n = "{n}"
dtype = "{dtype}"
requires = "cpu"
[benchmark.matrix]
n = [256, 1024]
dtype = ["float32", "float64"]
)",
                              "job.toml");
    ASSERT_EQ(job.cases.size(), 4u);
    for (const auto& c : job.cases) {
        EXPECT_EQ(c.settings.requires_, (std::vector<std::string>{"cpu", "gpu"})) << c.id;
    }
}

TEST(CublasGemmJob, ABadDtypeFailsTheJobAtLoad) {
    const JobError e = test::job_error(R"(
[[benchmark]]
name = "gemm"
kind = "cublas_gemm"
n = 64
dtype = "half"
)");
    EXPECT_NE(std::string(e.what()).find("dtype"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("float32, float64"), std::string::npos) << e.what();
}

}  // namespace
}  // namespace perfmatrix
