// Selection (-k, --benchmark, --category) and command-line settings applied to a loaded job, and
// how a results file's record of them is resumed.

#include "orchestrator/job/job_error.hpp"
#include "orchestrator/job/job_selection.hpp"
#include "orchestrator/job/overrides.hpp"
#include "tests/support/job_test_support.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace perfmatrix {
namespace {

Job two_benchmarks() {
    return test::parse(R"(
[[benchmark]]
name = "nbody"
kind = "spawn"
argv = ["/bin/true", "{py}"]
[benchmark.matrix]
py = ["3.11", "3.12"]

[[benchmark]]
name = "alloc"
kind = "memory_alloc"
size = 64
)");
}

std::vector<std::string> benchmarks_of(const Job& job) {
    std::vector<std::string> names;
    for (const Case& c : job.cases) names.push_back(c.benchmark);
    return names;
}

TEST(Selection, KSearchesNamesIdsAndAxisValues) {
    Job job = two_benchmarks();
    keep_selected(job, Selection{{"py=3.12"}, {}, {}});
    ASSERT_EQ(job.cases.size(), 1u);
    EXPECT_EQ(job.cases[0].axes.at(0).value, "3.12");
    ASSERT_EQ(job.benchmarks.size(), 1u);  // alloc has no case left
    EXPECT_EQ(job.benchmarks[0].cases, 1u);

    Job by_id = two_benchmarks();
    const std::string id = by_id.cases[2].id;
    keep_selected(by_id, Selection{{id}, {}, {}});
    EXPECT_EQ(benchmarks_of(by_id), std::vector<std::string>{"alloc"});
}

TEST(Selection, EveryKMustMatchAndAlternationGivesEither) {
    Job either = two_benchmarks();
    keep_selected(either, Selection{{"nbody|alloc"}, {}, {}});
    EXPECT_EQ(either.cases.size(), 3u);
    Job both = two_benchmarks();
    keep_selected(both, Selection{{"nbody", "3\\.11"}, {}, {}});
    EXPECT_EQ(both.cases.size(), 1u);
}

TEST(Selection, BenchmarkAndCategoryPickWholeBenchmarks) {
    Job named = two_benchmarks();
    keep_selected(named, Selection{{}, {"nbody"}, {}});
    EXPECT_EQ(benchmarks_of(named), (std::vector<std::string>{"nbody", "nbody"}));
    Job memory = two_benchmarks();
    keep_selected(memory, Selection{{}, {}, {"memory"}});
    EXPECT_EQ(benchmarks_of(memory), std::vector<std::string>{"alloc"});
}

TEST(Selection, KeepsEachBenchmarksCountAndFindsTheBenchmarksLeft) {
    Job job = two_benchmarks();
    ASSERT_NE(find_benchmark(job, "alloc"), nullptr);
    keep_selected(job, Selection{{"py=3.12"}, {}, {}});
    ASSERT_EQ(job.benchmarks.size(), 1u);
    EXPECT_EQ(job.benchmarks[0].name, "nbody");
    EXPECT_EQ(job.benchmarks[0].cases, 1u);
    // The index follows the benchmarks left: a name looks up the one it names, or none.
    EXPECT_EQ(find_benchmark(job, "nbody"), &job.benchmarks[0]);
    EXPECT_EQ(find_benchmark(job, "alloc"), nullptr);
}

TEST(Selection, AJobPutTogetherWithoutItsIndexStillFindsItsBenchmarks) {
    Job job;
    job.benchmarks.push_back(BenchmarkInfo{"a", "spawn", {}, 1, {}, {}, {}});
    job.benchmarks.push_back(BenchmarkInfo{"b", "spawn", {}, 1, {}, {}, {}});
    EXPECT_EQ(find_benchmark(job, "b"), &job.benchmarks[1]);
    index_benchmarks(job);
    std::swap(job.benchmarks[0], job.benchmarks[1]);  // the index is now out of date
    EXPECT_EQ(find_benchmark(job, "b"), &job.benchmarks[0]);
    EXPECT_EQ(find_benchmark(job, "c"), nullptr);
}

TEST(Selection, NothingSelectedAnUnknownCategoryOrABadPatternIsBadInput) {
    Job job = two_benchmarks();
    try {
        keep_selected(job, Selection{{"richards"}, {}, {}});
        FAIL() << "a -k that matches nothing was accepted";
    } catch (const std::invalid_argument& e) {
        EXPECT_STREQ(e.what(), "-k 'richards' matches none of the 3 cases of job.toml");
    }
    EXPECT_EQ(job.cases.size(), 3u);
    EXPECT_THROW(keep_selected(job, Selection{{}, {}, {"gpu-stuff"}}), std::invalid_argument);
    EXPECT_THROW(keep_selected(job, Selection{{"("}, {}, {}}), std::invalid_argument);
}

TEST(Selection, RoundTripsThroughItsRecordAndResumeRefusesAnother) {
    const Selection s{{"a|b"}, {"x"}, {"memory"}};
    EXPECT_EQ(Selection::from_json(s.to_json()), s);
    EXPECT_EQ(Selection{}.to_json(), "");
    EXPECT_EQ(resumed_selection(s.to_json(), {}, "r.h5"), s);
    EXPECT_EQ(resumed_selection(s.to_json(), s, "r.h5"), s);
    EXPECT_THROW(resumed_selection(s.to_json(), Selection{{"a"}, {}, {}}, "r.h5"), JobError);
    EXPECT_THROW(resumed_selection("", Selection{{"a"}, {}, {}}, "r.h5"), JobError);
}

TEST(Overrides, ReplaceEveryCasesSettingsAndTheKindsSampleTimeParameter) {
    Job job = two_benchmarks();
    SettingOverrides o;
    o.repetitions = 20000;  // above the default max_repetitions: the cap follows
    o.warmup = 0;
    o.timeout = 7;
    o.rounds = 2;
    o.sample_time = 0.003;
    apply_overrides(job, o);
    for (const Case& c : job.cases) {
        EXPECT_EQ(c.settings.repetitions, 20000);
        EXPECT_EQ(c.settings.max_repetitions, 20000);
        EXPECT_EQ(c.settings.warmup, 0);
        EXPECT_EQ(c.settings.timeout, 7);
        EXPECT_EQ(c.settings.rounds, 2);
    }
    EXPECT_FALSE(job.cases[0].params.contains("min_batch_time"));  // spawn times whole processes
    EXPECT_EQ(job.cases[2].params.at("min_batch_time"), 0.003);
}

TEST(Overrides, RecordedInTheFileAndResumedOrRefused) {
    SettingOverrides o;
    o.repetitions = 4;
    o.rounds = 2;
    RunMeta meta;
    record_overrides(o, meta);
    EXPECT_EQ(meta.rounds_override, 2);
    EXPECT_EQ(meta.settings_override, R"({"repetitions":4})");
    EXPECT_EQ(recorded_overrides(meta), o);
    EXPECT_EQ(resumed_overrides(meta, {}, "r.h5"), o);  // a plain --resume keeps them
    SettingOverrides same_rounds;
    same_rounds.rounds = 2;
    EXPECT_EQ(resumed_overrides(meta, same_rounds, "r.h5"), o);
    SettingOverrides other;
    other.repetitions = 5;
    try {
        resumed_overrides(meta, other, "r.h5");
        FAIL() << "another --repetitions was accepted on --resume";
    } catch (const JobError& e) {
        EXPECT_NE(e.message.find("started with --repetitions 4 --rounds 2, this run asks for --repetitions 5"),
                  std::string::npos)
            << e.message;
    }
}

}  // namespace
}  // namespace perfmatrix
