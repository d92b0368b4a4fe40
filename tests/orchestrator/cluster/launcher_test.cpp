#include "orchestrator/cluster/launcher.hpp"
#include "orchestrator/cluster/launcher_detection.hpp"

#include <gtest/gtest.h>

#include <map>
#include <stdexcept>

namespace perfmatrix {
namespace {

using Argv = std::vector<std::string>;

TEST(LauncherArgv, Srun) {
    EXPECT_EQ(launcher_argv(Launcher::srun, 0), (Argv{"srun", "--mpi=pmix"}));
    EXPECT_EQ(launcher_argv(Launcher::srun, 1), (Argv{"srun", "--mpi=pmix"}));
    EXPECT_EQ(launcher_argv(Launcher::srun, 2), (Argv{"srun", "--mpi=pmix", "--het-group=0-1"}));
}

TEST(LauncherArgv, MpirunRefusesHeterogeneousJobs) {
    EXPECT_EQ(launcher_argv(Launcher::mpirun, 0), (Argv{"mpirun"}));
    EXPECT_THROW(launcher_argv(Launcher::mpirun, 2), std::invalid_argument);
}

TEST(ChooseLauncher, AutoPicksSrunOnlyInsideAnAllocationWithPmix) {
    EXPECT_EQ(choose_launcher(LauncherChoice::automatic, {false, 0, false}), Launcher::mpirun);
    EXPECT_EQ(choose_launcher(LauncherChoice::automatic, {true, 0, true}), Launcher::srun);
    EXPECT_EQ(choose_launcher(LauncherChoice::automatic, {true, 2, true}), Launcher::srun);
    EXPECT_EQ(choose_launcher(LauncherChoice::automatic, {true, 0, false}), Launcher::mpirun);
}

TEST(ChooseLauncher, KeepsAnExplicitChoice) {
    EXPECT_EQ(choose_launcher(LauncherChoice::mpirun, {true, 0, true}), Launcher::mpirun);
    EXPECT_EQ(choose_launcher(LauncherChoice::srun, {false, 0, false}), Launcher::srun);
}

TEST(ProbeAllocation, ReadsTheEnvironmentWithoutAskingSrunOutside) {
    const std::map<std::string, std::string> env{{"SLURM_HET_SIZE", "2"}};
    const auto f = probe_allocation([&](const char* name) -> const char* {
        const auto it = env.find(name);
        return it == env.end() ? nullptr : it->second.c_str();
    });
    EXPECT_FALSE(f.in_allocation);
    EXPECT_EQ(f.het_size, 2);
    EXPECT_FALSE(f.srun_has_pmix);
}

}  // namespace
}  // namespace perfmatrix
