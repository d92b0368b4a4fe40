// The torch kinds as the job loader and a build without the module see them: cuda cases require
// a GPU whatever the job says, a bad parameter fails the whole job at load, pointing at it, and
// a missing module is an error that says how to get it.
#include "measure/kind_registry.hpp"
#include "measure/model/runner.hpp"
#include "orchestrator/job/job.hpp"
#include "orchestrator/job/job_error.hpp"
#include "tests/support/job_test_support.hpp"
#include "torch_case.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

namespace perfmatrix {
namespace {

TEST(TorchJob, CudaCasesRequireAGpuAndCpuCasesDoNot) {
    const Job job = parse_job(R"(
[[benchmark]]
name = "mm"
kind = "torch_matmul"
n = 256
device = "{device}"
threads = "{threads}"
[benchmark.matrix]
device = ["cpu", "cuda"]
threads = [1, 2]
)",
                              "job.toml");
    ASSERT_EQ(job.cases.size(), 4u);
    for (const auto& c : job.cases) {
        const bool cuda = c.params.at("device") == "cuda";
        EXPECT_EQ(c.settings.requires_, cuda ? std::vector<std::string>{"gpu"} : std::vector<std::string>{}) << c.id;
    }
}

TEST(TorchJob, ABadLayerListFailsTheJobAtTheParameter) {
    const JobError e = test::job_error(R"(
[[benchmark]]
name = "mlp"
kind = "torch_mlp"
layers = "1024;4096"
)");
    EXPECT_NE(e.message.find("layers"), std::string::npos) << e.what();
    EXPECT_NE(e.message.find("separated by commas"), std::string::npos) << e.what();
    EXPECT_EQ(e.line, 4) << e.what();  // job_error's line 1 is [[benchmark]]
}

TEST(TorchJob, WithoutTheModuleACaseSaysHowToBuildIt) {
    setenv("PERFMATRIX_MODULE_DIR", "/nonexistent-perfmatrix-modules", 1);
    const auto o = make_runner("torch_conv2d")
                       ->run(test::torch_case("torch_conv2d", {{"in_channels", 1}, {"out_channels", 1}, {"height", 4}}),
                             RunContext{});
    unsetenv("PERFMATRIX_MODULE_DIR");
    EXPECT_EQ(o.status, status::error);
    EXPECT_NE(o.reason.find("libperfmatrix-torch.so (not found)"), std::string::npos) << o.reason;
    EXPECT_NE(o.reason.find("libtorch-dev"), std::string::npos) << o.reason;
}

}  // namespace
}  // namespace perfmatrix
