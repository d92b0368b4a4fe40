#include "orchestrator/cli/status_progress.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

namespace perfmatrix {
namespace {

CaseRecord outcome(const std::string& benchmark, const std::string& status) {
    CaseRecord c;
    c.case_id = benchmark + "/" + status;
    c.benchmark = benchmark;
    c.status = status;
    return c;
}

// Results planned as `units` (case, round) units, per benchmark as `per_benchmark` says (empty
// in a file written before that was recorded), holding `cases`.
Results planned(int units, decltype(RunMeta::planned_per_benchmark) per_benchmark, std::vector<CaseRecord> cases) {
    Results r;
    r.meta.planned_units = units;
    r.meta.planned_per_benchmark = std::move(per_benchmark);
    r.cases = std::move(cases);
    return r;
}

TEST(StatusProgress, CountsPerBenchmarkAndWhatIsLeft) {
    const Results r = planned(9, {{"a", 4}, {"b", 5}},
                              {outcome("b", "ok"), outcome("a", "ok"), outcome("a", "timeout"), outcome("b", "skipped"),
                               outcome("b", "unschedulable")});
    const StatusCounts s = count_status(r);
    ASSERT_EQ(s.benchmarks.size(), 2u);
    EXPECT_EQ(s.benchmarks[0].benchmark, "a");  // the plan's order, not the commit order
    EXPECT_EQ(s.benchmarks[0].done, 1);
    EXPECT_EQ(s.benchmarks[0].failed, 1);
    EXPECT_EQ(s.benchmarks[0].left, 2);
    EXPECT_EQ(s.benchmarks[1].done, 1);
    EXPECT_EQ(s.benchmarks[1].failed, 0);
    EXPECT_EQ(s.benchmarks[1].skipped, 1);
    EXPECT_EQ(s.benchmarks[1].unschedulable, 1);
    EXPECT_EQ(s.benchmarks[1].left, 2);
    EXPECT_EQ(s.total.done, 2);
    EXPECT_EQ(s.total.failed, 1);
    EXPECT_EQ(s.total.left, 4);
}

TEST(StatusProgress, RoundsAreWhatIsCountedAndLeft) {
    CaseRecord c = outcome("a", "timeout");
    c.rounds = {{0, "ok", "", 1, 0, "h", 0, 0, 0},
                {1, "timeout", "slow", 2, 0, "h", 0, 0, 0},
                {3, "ok", "", 1, 0, "h", 0, 0, 0}};
    const Results r = planned(5, {{"a", 5}}, {c});  // one case of 5 rounds
    const StatusCounts s = count_status(r);
    EXPECT_EQ(s.total.done, 2);
    EXPECT_EQ(s.total.failed, 1);
    EXPECT_EQ(s.total.left, 2);
}

TEST(StatusProgress, FileWithoutPerBenchmarkPlanKnowsOnlyTheTotal) {
    const Results r = planned(3, {}, {outcome("a", "ok")});
    const StatusCounts s = count_status(r);
    ASSERT_EQ(s.benchmarks.size(), 1u);
    EXPECT_FALSE(s.benchmarks[0].planned.has_value());
    EXPECT_FALSE(s.benchmarks[0].left.has_value());
    EXPECT_EQ(s.total.left, 2);
}

TEST(StatusProgress, NothingLeftIsNeverNegative) {
    const Results r = planned(1, {{"a", 1}}, {outcome("a", "ok"), outcome("a", "signaled")});
    EXPECT_EQ(count_status(r).total.left, 0);
}

TEST(StatusProgress, RunningCasesAreNeitherDoneNorLeft) {
    const Results r = planned(5, {{"a", 2}, {"b", 3}}, {outcome("a", "ok")});
    const StatusCounts s = count_status(r, {{"b/1", "b", 1, 0.0}, {"a/2", "a", 2, 0.0}});
    ASSERT_EQ(s.benchmarks.size(), 2u);
    EXPECT_EQ(s.benchmarks[0].running, 1);
    EXPECT_EQ(s.benchmarks[0].left, 0);
    EXPECT_EQ(s.benchmarks[1].running, 1);
    EXPECT_EQ(s.benchmarks[1].left, 2);
    EXPECT_EQ(s.total.running, 2);
    EXPECT_EQ(s.total.left, 2);
}

// Rank 0 rewrites the running-cases file at most every 100 ms under load, so it may still list a
// round the results file already holds: that round is counted once, as done.
TEST(StatusProgress, ARunningRoundAlreadyStoredCountsOnceAsStored) {
    CaseRecord c = outcome("a", "ok");
    c.rounds = {{0, "ok", "", 1, 0, "h", 0, 0, 0}, {1, "ok", "", 1, 0, "h", 0, 0, 0}};
    const Results r = planned(3, {{"a", 3}}, {c});
    const StatusCounts s = count_status(r, {{"a/ok", "a", 1, 0.0, 1}, {"a/ok", "a", 2, 0.0, 2}});
    EXPECT_EQ(s.total.done, 2);
    EXPECT_EQ(s.total.running, 1);  // round 2; round 1 is stored
    EXPECT_EQ(s.total.left, 0);
}

TEST(RunningCasesFile, WrittenWholeReadBackAndRemovedAtTheEnd) {
    const auto dir = std::filesystem::temp_directory_path() / ("perfmatrix-running-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto results = dir / "r.h5";
    {
        const RunningCasesFile file(results);
        EXPECT_TRUE(read_running_cases(results).empty());  // created empty
        file.write({{"b/1", "b", 3, 12.5}});
        const auto back = read_running_cases(results);
        ASSERT_EQ(back.size(), 1u);
        EXPECT_EQ(back[0].case_id, "b/1");
        EXPECT_EQ(back[0].benchmark, "b");
        EXPECT_EQ(back[0].rank, 3);
        EXPECT_EQ(back[0].started, 12.5);
    }
    EXPECT_FALSE(std::filesystem::exists(running_file_of(results)));
    std::ofstream(running_file_of(results)) << "{not json";
    EXPECT_TRUE(read_running_cases(results).empty());
    std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace perfmatrix
