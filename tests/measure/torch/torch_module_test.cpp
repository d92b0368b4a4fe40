// The torch kinds as perfmatrix-measure runs them: the registry's runner dlopens the real
// perfmatrix-torch module, which must run a case and report failures without crashing.
#include "measure/kind_registry.hpp"
#include "measure/model/runner.hpp"
#include "torch_case.hpp"

#include <gtest/gtest.h>

#include <cstdlib>

namespace perfmatrix {
namespace {

using test::environment;
using test::measured;
using test::torch_case;

class TorchModule : public ::testing::Test {
protected:
    void SetUp() override { setenv("PERFMATRIX_MODULE_DIR", PERFMATRIX_MODULE_BUILD_DIR, 1); }
    void TearDown() override { unsetenv("PERFMATRIX_MODULE_DIR"); }
};

TEST_F(TorchModule, RunsAMatmulThroughTheModule) {
    const auto o =
        make_runner("torch_matmul")->run(torch_case("torch_matmul", {{"n", 64}, {"threads", 2}}), RunContext{});
    ASSERT_EQ(o.status, status::ok) << o.reason;
    EXPECT_EQ(measured(o)["gflops"].size(), 2u);
    EXPECT_EQ(environment(o)["torch.threads"], "2");
}

TEST_F(TorchModule, ACudaCaseEndsAsAnErrorWithoutAGpu) {
    const auto o =
        make_runner("torch_mlp")->run(torch_case("torch_mlp", {{"layers", "8,8"}, {"device", "cuda"}}), RunContext{});
    if (environment(o)["torch.cuda_available"] == "true") GTEST_SKIP() << "this libtorch sees a GPU";
    EXPECT_EQ(o.status, status::error);
    EXPECT_FALSE(o.reason.empty());
    EXPECT_TRUE(o.samples.empty());
}

}  // namespace
}  // namespace perfmatrix
