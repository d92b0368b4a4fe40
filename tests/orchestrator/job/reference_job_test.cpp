// jobs/reference.toml exercises every feature of the format; this keeps it loading and doing
// what its comments say.

#include "orchestrator/job/glob_axis.hpp"
#include "orchestrator/job/job.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace perfmatrix {
namespace {

const std::string kReference = std::string(PERFMATRIX_SOURCE_DIR) + "/jobs/reference.toml";

std::string axis(const Case& c, const std::string& name) {
    for (const auto& a : c.axes) {
        if (a.axis == name) return a.value;
    }
    return "<none>";
}

std::vector<const Case*> cases_of(const Job& job, const std::string& benchmark) {
    std::vector<const Case*> out;
    for (const auto& c : job.cases) {
        if (c.benchmark == benchmark) out.push_back(&c);
    }
    return out;
}

TEST(ReferenceJob, Loads) {
    const auto job = load_job(kReference);
    EXPECT_EQ(job.name, "reference");
    EXPECT_FALSE(job.description.empty());
    ASSERT_EQ(job.benchmarks.size(), 3u);
    EXPECT_EQ(job.benchmarks[0].name, "true");
    EXPECT_EQ(job.benchmarks[1].name, "python-startup");
    EXPECT_EQ(job.benchmarks[2].name, "shell.ready-teardown");
    std::set<std::string> ids;
    for (const auto& c : job.cases) ids.insert(c.id);
    EXPECT_EQ(ids.size(), job.cases.size());
}

TEST(ReferenceJob, BenchmarkWithoutMatrixOverridesDefaults) {
    const auto job = load_job(kReference);
    const auto cases = cases_of(job, "true");
    ASSERT_EQ(cases.size(), 1u);
    const auto& s = cases[0]->settings;
    EXPECT_TRUE(cases[0]->axes.empty());
    EXPECT_EQ(s.warmup, 5);
    EXPECT_EQ(s.repetitions, 30);
    EXPECT_DOUBLE_EQ(s.min_time, 0.5);
    EXPECT_EQ(s.max_repetitions, 2000);
    EXPECT_DOUBLE_EQ(s.timeout, 5.0);
    EXPECT_EQ(s.placement, Placement::shared);
    EXPECT_EQ(s.requires_, std::vector<std::string>{"cpu"});  // from [defaults]
}

TEST(ReferenceJob, GlobAxisExcludeAndInclude) {
    const auto job = load_job(kReference);
    const auto cases = cases_of(job, "python-startup");
    const auto pythons = expand_globs({"~/.pyenv/versions/3.1[0-3]*/bin/python3", "/usr/bin/python{3,3.11}"});
    ASSERT_FALSE(pythons.empty());
    // Product of pythons x 3 flags, minus one excluded, plus one added by include.
    ASSERT_EQ(cases.size(), pythons.size() * 3 - 1 + 1);
    EXPECT_EQ(job.benchmarks[1].axes, (std::vector<std::string>{"python", "flags", "label"}));
    for (const auto* c : cases) {
        EXPECT_FALSE(axis(*c, "python") == "/usr/bin/python3" && axis(*c, "flags") == "-E") << c->id;
        EXPECT_EQ(axis(*c, "flags") == "-I", axis(*c, "label") == "isolated") << c->id;
        EXPECT_EQ(c->params["argv"][0], axis(*c, "python"));
        EXPECT_EQ(c->params["env"]["PERFMATRIX_CASE"], axis(*c, "python") + " " + axis(*c, "flags"));
        EXPECT_EQ(c->settings.warmup, 2);  // from [defaults]
    }
    const auto& added = *cases.back();
    EXPECT_EQ(added.axes,
              (std::vector<AxisValue>{{"python", "/usr/bin/python3"}, {"flags", "-q"}, {"label", "quiet"}}));
}

TEST(ReferenceJob, TypedAxesEscapesAndReadiness) {
    const auto job = load_job(kReference);
    const auto cases = cases_of(job, "shell.ready-teardown");
    ASSERT_EQ(cases.size(), 8u);
    const auto& first = *cases.front();
    EXPECT_EQ(first.axes, (std::vector<AxisValue>{{"count", "1"}, {"scale", "0.5"}, {"quiet", "true"}}));
    EXPECT_EQ(first.params["argv"][2], "n=1; v=0.5; { echo ready; }; [ true = true ] || echo $n $v; exec sleep 30");
    EXPECT_EQ(axis(*cases.back(), "scale"), "2.0");
    EXPECT_EQ(first.params["teardown_signal"], "TERM");
    EXPECT_EQ(first.params["clear_env"], true);
    EXPECT_EQ(first.params["capture_bytes"], 8192);
    EXPECT_EQ(first.settings.repetitions, 5);
}

}  // namespace
}  // namespace perfmatrix
