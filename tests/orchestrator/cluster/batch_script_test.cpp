#include "orchestrator/cluster/batch_script.hpp"
#include "orchestrator/cluster/batch_template.hpp"
#include "orchestrator/helpers/helper_command.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace perfmatrix {
namespace {

BatchScriptInput input(std::vector<Component> components) {
    return {"demo job",           "/jobs/demo.toml", "/runs/out.h5", "/opt/pm bin/perfmatrix", "perfmatrix 0.1 (test)",
            std::move(components)};
}

Component cpu() { return {"cpu", "cpu", 1, 2, "", ""}; }
Component gpu() { return {"gpu", "gpu", 1, 1, "gpu:1", ""}; }

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + 1)) ++n;
    return n;
}

TEST(SbatchDirectives, OneComponentJob) {
    SubmitOptions o;
    o.time = "00:10:00";
    o.signal_before = 90;
    const auto d = sbatch_directives(o, input({cpu()}));
    EXPECT_NE(d.find("#SBATCH --job-name=perfmatrix-demo_job\n"), std::string::npos) << d;
    EXPECT_NE(d.find("#SBATCH --output=/runs/out-%j.out\n"), std::string::npos) << d;
    EXPECT_NE(d.find("#SBATCH --signal=B:USR1@90\n"), std::string::npos) << d;
    EXPECT_NE(d.find("#SBATCH --no-requeue\n"), std::string::npos) << d;
    EXPECT_NE(d.find("#SBATCH --partition=cpu\n#SBATCH --nodes=1\n#SBATCH --ntasks-per-node=2\n"), std::string::npos)
        << d;
    EXPECT_NE(d.find("#SBATCH --time=00:10:00"), std::string::npos) << d;
    EXPECT_EQ(d.find("hetjob"), std::string::npos) << d;
    EXPECT_EQ(d.find("--account"), std::string::npos) << d;
}

TEST(SbatchDirectives, HeterogeneousJobHasOneComponentPerPartition) {
    SubmitOptions o;
    o.requeue = true;
    o.account = "proj1";
    const auto d = sbatch_directives(o, input({cpu(), gpu()}));
    const auto split = d.find("#SBATCH hetjob\n");
    ASSERT_NE(split, std::string::npos) << d;
    const auto first = d.substr(0, split), second = d.substr(split);
    EXPECT_NE(first.find("--partition=cpu"), std::string::npos) << d;
    EXPECT_EQ(first.find("--gres"), std::string::npos) << d;
    EXPECT_NE(first.find("--requeue"), std::string::npos) << d;
    EXPECT_NE(second.find("--partition=gpu"), std::string::npos) << d;
    EXPECT_NE(second.find("--gres=gpu:1"), std::string::npos) << d;
    EXPECT_EQ(second.find("--signal"), std::string::npos) << d;  // the job's, given once
    EXPECT_EQ(count(d, "--account=proj1"), 2u) << d;             // each component's
}

TEST(SbatchDirectives, ArrayJob) {
    SubmitOptions o;
    o.array_split = 4;
    const auto d = sbatch_directives(o, input({cpu()}));
    EXPECT_NE(d.find("#SBATCH --array=0-3\n"), std::string::npos) << d;
    EXPECT_NE(d.find("#SBATCH --output=/runs/out-%A_%a.out\n"), std::string::npos) << d;
}

TEST(SbatchDirectives, HeterogeneousArrayIsRefused) {
    SubmitOptions o;
    o.array_split = 2;
    EXPECT_THROW(sbatch_directives(o, input({cpu(), gpu()})), std::invalid_argument);
}

TEST(SbatchDirectives, ValueWithSpaceIsRefusedNamingTheOption) {
    SubmitOptions o;
    o.account = "my project";
    try {
        sbatch_directives(o, input({cpu()}));
        FAIL() << "accepted a value sbatch would split";
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("--account"), std::string::npos) << e.what();
    }
}

TEST(RenderBatchScript, FillsTheBuiltinTemplate) {
    SubmitOptions o;
    o.launcher = LauncherChoice::srun;
    o.requeue = true;
    o.env_cache = "/c";
    const auto s = render_batch_script(o, input({cpu()}), builtin_batch_template(), "builtin");
    EXPECT_EQ(s.rfind("#!/usr/bin/env bash\n#SBATCH --job-name", 0), 0u) << s;
    EXPECT_NE(s.find("'/opt/pm bin/perfmatrix' submit --scheduler none --launcher srun /jobs/demo.toml -o "
                     "/runs/out.h5 --env-cache /c &"),
              std::string::npos)
        << s;
    EXPECT_NE(s.find("[ yes = yes ]"), std::string::npos) << s;
    EXPECT_NE(s.find("scontrol requeue"), std::string::npos) << s;
    EXPECT_EQ(s.find("{{"), std::string::npos) << s;
}

// The rendered script must be valid bash: sbatch would accept a broken one and fail later.
TEST(RenderBatchScript, IsValidBash) {
    SubmitOptions o;
    o.array_split = 3;
    const auto s = render_batch_script(o, input({cpu()}), builtin_batch_template(), "builtin");
    const auto path = std::filesystem::temp_directory_path() / ("cluster_test_" + std::to_string(::getpid()) + ".sh");
    std::ofstream(path) << s;
    HelperCommand cmd;
    cmd.argv = {"bash", "-n", path.string()};
    cmd.merge_stderr = true;
    std::string errors;
    cmd.on_line = [&](std::string_view line) { errors.append(line).append("\n"); };
    const auto run = run_helper(cmd);
    std::filesystem::remove(path);
    EXPECT_TRUE(run.ok()) << errors << s;
}

}  // namespace
}  // namespace perfmatrix
