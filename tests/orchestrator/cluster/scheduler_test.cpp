#include "orchestrator/cluster/local_scheduler.hpp"
#include "orchestrator/cluster/slurm_scheduler.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace perfmatrix {
namespace {

using Argv = std::vector<std::string>;

TEST(ParseSbatchJobId, ReadsTheId) {
    EXPECT_EQ(parse_sbatch_job_id("Submitted batch job 42\n"), 42);
    EXPECT_EQ(parse_sbatch_job_id("Submitted batch job 7 on cluster c1\n"), 7);
    EXPECT_EQ(parse_sbatch_job_id("sbatch: error: invalid partition"), std::nullopt);
}

SubmitOptions options() {
    SubmitOptions o;
    o.job_path = "/j/job.toml";
    o.output = "/r/out.h5";
    return o;
}

TEST(RunArgv, AlwaysResumes) {
    EXPECT_EQ(run_argv(options(), "/b/perfmatrix", nullptr),
              (Argv{"/b/perfmatrix", "run", "/j/job.toml", "-o", "/r/out.h5", "--resume", "--progress", "lines"}));
}

TEST(RunArgv, ArrayTaskWritesItsOwnFile) {
    auto o = options();
    o.array_split = 3;
    EXPECT_EQ(run_argv(o, "pm", "2"), (Argv{"pm", "run", "/j/job.toml", "-o", "/r/out-2.h5", "--resume", "--progress",
                                            "lines", "--array-split", "3", "--array-index", "2"}));
    EXPECT_THROW(run_argv(o, "pm", nullptr), std::invalid_argument);
}

TEST(ArrayTaskOutput, InsertsTheTaskBeforeTheExtension) {
    EXPECT_EQ(array_task_output("/r/out.h5", "0"), "/r/out-0.h5");
    EXPECT_EQ(array_task_output("out", "5"), "out-5");
}

}  // namespace
}  // namespace perfmatrix
