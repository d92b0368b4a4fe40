// Runs of one job combined into one side of a comparison (analysis/stats/run_replicates.hpp).

#include "analysis/stats/run_replicates.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace perfmatrix {
namespace {

CaseRecord ok_case(const std::string& id, std::vector<double> times) {
    CaseRecord c;
    c.case_id = id;
    c.benchmark = "b";
    c.kind = "spawn";
    c.status = status::ok;
    c.samples.push_back({"wall_time", "s", 0, true, 100.0});  // a warm-up: left out of the median
    for (std::size_t i = 0; i < times.size(); ++i)
        c.samples.push_back({"wall_time", "s", static_cast<int>(i), false, times[i]});
    return c;
}

Results run_of(std::vector<CaseRecord> cases, const std::string& hash = "h") {
    Results r;
    r.meta.job_hash = hash;
    r.cases = std::move(cases);
    return r;
}

TEST(CombineRuns, EveryRunsRoundsPoolIntoOneSideEachARoundOfItsOwn) {
    Results one = run_of({ok_case("x", {3, 1, 2}), ok_case("y", {5, 7})});
    one.cases[0].samples[2].round = 1;  // x in run one: rounds 0 (3, and the warm-up) and 1 (1, 2)
    one.cases[0].samples[3].round = 1;
    const Results two = run_of({ok_case("x", {4, 6})});
    const Results combined = combine_runs({{"one.h5", &one}, {"two.h5", &two}});
    ASSERT_EQ(combined.cases.size(), 2u);
    const CaseRecord& x = combined.cases[0];
    EXPECT_EQ(x.case_id, "x");
    ASSERT_EQ(x.samples.size(), 7u) << "every sample kept, warm-ups too (statistics leave them out)";
    std::vector<int> rounds;
    for (const Sample& s : x.samples) rounds.push_back(s.round);
    EXPECT_EQ(rounds, (std::vector<int>{0, 0, 1, 1, 2, 2, 2})) << "run two's round 0 is the side's round 2";
    EXPECT_EQ(x.samples[5], (Sample{"wall_time", "s", 0, false, 4.0, 2}));
    const CaseRecord& y = combined.cases[1];  // only in the first run
    ASSERT_EQ(y.samples.size(), 3u);
}

TEST(CombineRuns, ACaseThatFailedInOneRunIsThatRunsFailure) {
    CaseRecord failed = ok_case("x", {});
    failed.status = status::timeout;
    failed.reason = "killed after 10 s";
    const Results one = run_of({ok_case("x", {1, 2, 3})});
    const Results two = run_of({failed});
    const CaseRecord c = combine_runs({{"one.h5", &one}, {"two.h5", &two}}).cases.at(0);
    EXPECT_EQ(c.status, status::timeout);
    EXPECT_EQ(c.reason, "in run two.h5: killed after 10 s");
}

TEST(CombineRuns, RunsOfDifferentJobsAreRefused) {
    const Results one = run_of({ok_case("x", {1})}, "h1");
    const Results two = run_of({ok_case("x", {1})}, "h2");
    EXPECT_THROW(combine_runs({{"one.h5", &one}, {"two.h5", &two}}), std::invalid_argument);
    EXPECT_THROW(combine_runs({}), std::invalid_argument);
}

}  // namespace
}  // namespace perfmatrix
