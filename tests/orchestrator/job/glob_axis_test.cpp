// Glob axes: real files in a temp dir; version order, duplicates, braces, ~ with a temp HOME.

#include "orchestrator/job/glob_axis.hpp"
#include "orchestrator/job/job.hpp"
#include "tests/support/job_test_support.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

namespace perfmatrix {
namespace {

using Strings = std::vector<std::string>;

TEST(GlobAxis, MatchesAreInVersionOrder) {
    test::TempDir dir;
    const auto d = dir.path().string();
    for (const char* v : {"3.10", "3.9", "3.12", "3.8", "2.7"}) dir.touch(fmt::format("python{}", v));
    EXPECT_EQ(expand_globs({d + "/python3.*"}),
              (Strings{d + "/python3.8", d + "/python3.9", d + "/python3.10", d + "/python3.12"}));
}

TEST(GlobAxis, PatternsKeepTheirOrderAndLaterDuplicatesAreDropped) {
    test::TempDir dir;
    const auto d = dir.path().string();
    dir.touch("b");
    dir.touch("a");
    EXPECT_EQ(expand_globs({d + "/b", d + "/nothing*", d + "/*"}), (Strings{d + "/b", d + "/a"}));
}

TEST(GlobAxis, BracesExpandWithoutAShell) {
    test::TempDir dir;
    const auto d = dir.path().string();
    dir.touch("x1");
    dir.touch("y2");
    dir.touch("z3");
    EXPECT_EQ(expand_globs({d + "/{z3,x1,missing}"}), (Strings{d + "/x1", d + "/z3"}));
}

TEST(GlobAxis, TildeExpandsToHome) {
    test::TempDir home;
    home.touch(".pyenv/versions/3.10.13/bin/python3");
    home.touch(".pyenv/versions/3.9.18/bin/python3");
    const test::ScopedEnv env("HOME", home.path().string());
    const auto h = home.path().string();
    EXPECT_EQ(expand_globs({"~/.pyenv/versions/*/bin/python3"}),
              (Strings{h + "/.pyenv/versions/3.9.18/bin/python3", h + "/.pyenv/versions/3.10.13/bin/python3"}));
}

TEST(GlobAxis, NoMatchIsEmpty) {
    test::TempDir dir;
    EXPECT_TRUE(expand_globs({dir.path().string() + "/*"}).empty());
}

TEST(GlobAxis, InAJobFileValuesBecomeCases) {
    test::TempDir home;
    home.touch("bin/tool-1.10");
    home.touch("bin/tool-1.9");
    const test::ScopedEnv env("HOME", home.path().string());
    const auto h = home.path().string();
    const auto job = test::parse(test::spawn_benchmark("tools", R"(
argv = ["{tool}", "--version"]
matrix.tool = { glob = "~/bin/tool-*" }
)"));
    ASSERT_EQ(job.cases.size(), 2u);
    EXPECT_EQ(job.cases[0].axes, (std::vector<AxisValue>{{"tool", h + "/bin/tool-1.9"}}));
    EXPECT_EQ(job.cases[1].params["argv"], nlohmann::json({h + "/bin/tool-1.10", "--version"}));
}

}  // namespace
}  // namespace perfmatrix
