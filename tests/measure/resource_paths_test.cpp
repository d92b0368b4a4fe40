// Where the programs find their resources, in the build tree and in an installed prefix.
#include "measure/resource_paths.hpp"

#include "tests/support/scoped_env.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace perfmatrix {
namespace {

namespace fs = std::filesystem;

TEST(ResourcePaths, AProgramInTheBuildTreeFindsTheBuildsCopies) {
    const ResourceLayout layout = layout_of("/work/b/orchestrator/perfmatrix");
    EXPECT_FALSE(layout.installed);
    EXPECT_EQ(layout.root, "/work/b");
    EXPECT_EQ(layout.path_of(Resource::measure_program), "/work/b/orchestrator/perfmatrix-measure");
    EXPECT_EQ(layout.path_of(Resource::runner_modules), "/work/b/orchestrator");
    EXPECT_EQ(layout.path_of(Resource::python_harness), "/work/b/python/harness.py");
    EXPECT_EQ(layout.path_of(Resource::plot_script), "/work/b/analysis/plot/perfmatrix_plots.py");
}

TEST(ResourcePaths, BothInstalledProgramsFindTheSamePrefix) {
    const InstallDirs& dirs = install_dirs();
    const fs::path prefix = "/opt/pm";
    for (const fs::path& exe : {prefix / dirs.programs / "perfmatrix", prefix / dirs.helpers / "perfmatrix-measure"}) {
        const ResourceLayout layout = layout_of(exe);
        EXPECT_TRUE(layout.installed) << exe;
        EXPECT_EQ(layout.root, prefix) << exe;
        EXPECT_EQ(layout.path_of(Resource::measure_program), prefix / dirs.helpers / "perfmatrix-measure");
        EXPECT_EQ(layout.path_of(Resource::runner_modules), prefix / dirs.modules);
        EXPECT_EQ(layout.path_of(Resource::python_harness), prefix / dirs.resources / "python/harness.py");
        EXPECT_EQ(layout.path_of(Resource::plot_script), prefix / dirs.resources / "plot/perfmatrix_plots.py");
    }
    EXPECT_EQ(layout_of("/usr" / dirs.programs / "perfmatrix").describe(), "the installation under /usr");
}

TEST(ResourcePaths, TheInstallDirectoriesAreRelativeAndDistinct) {
    const InstallDirs& dirs = install_dirs();
    for (const fs::path& d : {dirs.programs, dirs.helpers, dirs.modules, dirs.resources}) {
        EXPECT_FALSE(d.empty());
        EXPECT_TRUE(d.is_relative()) << d;
    }
    EXPECT_NE(dirs.programs, dirs.helpers);
}

TEST(ResourcePaths, ADirectoryMerelyNamedLikeAnInstallDirectoryIsNotAPrefix) {
    // Only whole path components count: /x/mybin is not /x + bin.
    const ResourceLayout layout = layout_of("/x/my" + install_dirs().programs.string() + "/perfmatrix");
    EXPECT_FALSE(layout.installed);
    EXPECT_EQ(layout.root, "/x");
}

TEST(ResourcePaths, AVariableOverridesTheLayout) {
    const test::ScopedEnv harness(resource_variable(Resource::python_harness), "/elsewhere/harness.py");
    const ResourceLocation where = locate(Resource::python_harness);
    EXPECT_EQ(where.path, "/elsewhere/harness.py");
    EXPECT_TRUE(where.from_variable);
    EXPECT_EQ(where.origin, "$PERFMATRIX_HARNESS");
    EXPECT_EQ(resource_variable(Resource::measure_program), nullptr);  // no override: it is part of the program
}

TEST(ResourcePaths, WithoutAVariableThisExecutablesLayoutDecides) {
    const test::ScopedEnv none(resource_variable(Resource::runner_modules), nullptr);
    const ResourceLocation where = locate(Resource::runner_modules);
    EXPECT_FALSE(where.from_variable);
    // This test binary is in <build>/tests/measure/: a build tree rooted at <build>/tests.
    const fs::path exe = fs::read_symlink("/proc/self/exe");
    EXPECT_EQ(where.path, exe.parent_path().parent_path() / "orchestrator");
    EXPECT_EQ(where.origin, "the build tree " + exe.parent_path().parent_path().string());
}

}  // namespace
}  // namespace perfmatrix
