// Case comparisons, summaries and the regression gate over hand-built results.

#include "analysis/compare/compare_report.hpp"
#include "analysis/compare/regression_gate.hpp"
#include "compare_fixtures.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace perfmatrix {
namespace {

using testing::band;
using testing::make_case;
using testing::results_of;
using testing::samples_of;
using testing::spawn_case;

CaseRecord gemm_case(const std::string& id, double gflops) { return testing::gemm_case(id, {{"n", "256"}}, gflops); }

// Baseline and new runs of one job: start/slow got 10 % slower, gemm 10 % faster (more
// GFLOP/s), start/same did not change, start/failed timed out in the new run, start/gone
// is only in the baseline, start/added only in the new run, start/few has 3 samples.
struct Pair {
    Results base, fresh;
};

Pair two_runs() {
    CaseRecord few = make_case("start/few", "start", "spawn", {{"v", "few"}},
                               samples_of("wall_time", "s", band(1.0, 3)));
    CaseRecord timed_out = spawn_case("start/failed", {{"v", "failed"}}, 1.0);
    timed_out.status = status::timeout;
    timed_out.reason = "no exit within 60 s";
    Pair p;
    p.base = results_of({spawn_case("start/slow", {{"v", "slow"}}, 1.0), spawn_case("start/same", {{"v", "same"}}, 1.0),
                         spawn_case("start/failed", {{"v", "failed"}}, 1.0),
                         spawn_case("start/gone", {{"v", "gone"}}, 1.0), few, gemm_case("gemm/1", 50)});
    p.fresh = results_of({spawn_case("start/slow", {{"v", "slow"}}, 1.1),
                          spawn_case("start/same", {{"v", "same"}}, 1.0), timed_out,
                          spawn_case("start/added", {{"v", "added"}}, 1.0), few, gemm_case("gemm/1", 55)});
    return p;
}

CompareReport report_of(const Pair& p) {
    return compare_files({{"base.h5", &p.base, ""}, {"new.h5", &p.fresh, ""}}, CompareSettings{});
}

const CaseComparison& row_of(const ComparedSet& set, const std::string& id) {
    const auto it = std::find_if(set.rows.begin(), set.rows.end(),
                                 [&](const CaseComparison& r) { return r.pair.fresh->case_id == id; });
    if (it == set.rows.end()) throw std::runtime_error("no row " + id);
    return *it;
}

TEST(CompareReport, SpeedUpAboveOneMeansFasterForTimesAndRates) {
    const Pair p = two_runs();
    const CompareReport report = report_of(p);
    ASSERT_EQ(report.sets.size(), 1u);
    const ComparedSet& set = report.sets[0];

    const CaseComparison& slow = row_of(set, "start/slow");
    EXPECT_EQ(slow.metric, "wall_time");
    EXPECT_EQ(slow.comparison.verdict, Verdict::slower);
    EXPECT_NEAR(slow.speedup->value, 1 / 1.1, 1e-9);  // baseline / new for a time
    EXPECT_LE(slow.speedup->low, slow.speedup->value);
    EXPECT_GE(slow.speedup->high, slow.speedup->value);

    const CaseComparison& gemm = row_of(set, "gemm/1");
    EXPECT_EQ(gemm.metric, "gflops");  // the kind's headline metric
    EXPECT_EQ(gemm.better, Better::higher);
    EXPECT_EQ(gemm.comparison.verdict, Verdict::faster);
    EXPECT_NEAR(gemm.speedup->value, 1.1, 1e-9);  // new / baseline for a rate
    EXPECT_EQ(gemm.category, "compute");

    EXPECT_EQ(row_of(set, "start/same").comparison.verdict, Verdict::no_significant_change);
    const CaseComparison& few = row_of(set, "start/few");
    EXPECT_EQ(few.comparison.verdict, Verdict::no_verdict);
    EXPECT_NE(few.comparison.reason.find("only 3"), std::string::npos) << few.comparison.reason;
}

TEST(CompareReport, FailedAndOneSidedCasesAreListedNotCompared) {
    const Pair p = two_runs();
    const CompareReport report = report_of(p);
    const ComparedSet& set = report.sets[0];
    std::vector<std::string> listed;
    for (const NotCompared& n : set.not_compared) listed.push_back(shown_case(n.pair).case_id + ": " + n.why);
    EXPECT_EQ(listed,
              (std::vector<std::string>{"start/failed: new timeout: no exit within 60 s",
                                        "start/gone: only in the baseline file", "start/added: only in the new file"}));
    EXPECT_EQ(set.rows.size(), 4u);
}

TEST(CompareReport, SummariesAverageOnlyCasesWithAVerdict) {
    const Pair p = two_runs();
    const CompareReport report = report_of(p);
    const ComparedSet& set = report.sets[0];
    ASSERT_EQ(set.categories.size(), 2u);
    EXPECT_EQ(set.categories[0].name, "startup");  // the fixed order: startup before compute
    EXPECT_EQ(set.categories[0].averaged(), 2u);   // slow and same; few has no verdict
    EXPECT_EQ(set.categories[0].no_verdict, 1u);
    EXPECT_NEAR(set.categories[0].speedup->value, std::sqrt(1 / 1.1), 1e-9);
    EXPECT_EQ(set.categories[1].name, "compute");
    EXPECT_EQ(set.categories[1].averaged(), 1u);
    EXPECT_FALSE(set.categories[1].speedup->low.has_value());  // one case: no spread, no interval
    EXPECT_EQ(set.overall.averaged(), 3u);
    EXPECT_EQ(set.overall.faster, 1u);
    EXPECT_EQ(set.overall.slower, 1u);
    EXPECT_NEAR(set.overall.speedup->value, std::cbrt(1 / 1.1 * 1.1), 1e-9);
    ASSERT_EQ(set.improvements.size(), 1u);
    EXPECT_EQ(set.rows[set.improvements[0]].pair.fresh->case_id, "gemm/1");
    ASSERT_EQ(set.regressions.size(), 1u);
    EXPECT_EQ(set.rows[set.regressions[0]].pair.fresh->case_id, "start/slow");
}

TEST(CompareReport, LargestChangesAreCappedAndOrdered) {
    std::vector<CaseRecord> base, fresh;
    for (int i = 0; i < 7; ++i) {
        const std::string id = "start/" + std::to_string(i);
        base.push_back(spawn_case(id, {{"i", std::to_string(i)}}, 1.0));
        fresh.push_back(spawn_case(id, {{"i", std::to_string(i)}}, 1.1 + 0.1 * i));
    }
    const Results a = results_of(base), b = results_of(fresh);
    CompareSettings s;
    s.top = 3;
    const CompareReport report = compare_files({{"a", &a, ""}, {"b", &b, ""}}, s);
    const ComparedSet& set = report.sets[0];
    ASSERT_EQ(set.regressions.size(), 3u);
    EXPECT_EQ(set.rows[set.regressions[0]].pair.fresh->case_id, "start/6");  // the slowest first
    EXPECT_EQ(set.rows[set.regressions[2]].pair.fresh->case_id, "start/4");
    EXPECT_TRUE(set.improvements.empty());
}

TEST(CompareReport, MinEffectTurnsASignificantSmallChangeIntoNoChange) {
    const Results a = results_of({spawn_case("start/x", {}, 1.0)});
    const Results b = results_of({spawn_case("start/x", {}, 1.03)});  // separated, 3 % slower
    CompareSettings s;
    s.min_effect = 0.05;
    EXPECT_EQ(compare_files({{"a", &a, ""}, {"b", &b, ""}}, s).sets[0].rows[0].comparison.verdict,
              Verdict::no_significant_change);
    s.min_effect = 0.02;
    EXPECT_EQ(compare_files({{"a", &a, ""}, {"b", &b, ""}}, s).sets[0].rows[0].comparison.verdict, Verdict::slower);
}

TEST(CompareReport, ARequestedMetricMissingOnASideIsNoVerdictWithTheReason) {
    const Results a = results_of({spawn_case("start/x", {}, 1.0)});
    const Results b = results_of({spawn_case("start/x", {}, 1.0)});
    CompareSettings s;
    s.metric = "max_rss";
    const CompareReport report = compare_files({{"a", &a, ""}, {"b", &b, ""}}, s);
    const CaseComparison& row = report.sets[0].rows[0];
    EXPECT_EQ(row.comparison.verdict, Verdict::no_verdict);
    EXPECT_NE(row.comparison.reason.find("no samples of max_rss"), std::string::npos) << row.comparison.reason;
    EXPECT_NE(row.comparison.reason.find("wall_time"), std::string::npos) << row.comparison.reason;
}

TEST(CompareReport, AxisModeNamesTheValuesAndListsMissingBaselines) {
    const Results r = results_of({spawn_case("start/a1", {{"python", "3.11"}, {"n", "1"}}, 1.0),
                                  spawn_case("start/b1", {{"python", "3.12"}, {"n", "1"}}, 0.8),
                                  spawn_case("start/b2", {{"python", "3.12"}, {"n", "2"}}, 0.8)});
    const CompareReport report = compare_axis({"r.h5", &r, ""}, "python", "3.11", CompareSettings{});
    ASSERT_EQ(report.sets.size(), 1u);
    const ComparedSet& set = report.sets[0];
    EXPECT_EQ(set.base_name, "python=3.11");
    EXPECT_EQ(set.new_name, "python=3.12");
    ASSERT_EQ(set.rows.size(), 1u);
    EXPECT_EQ(set.rows[0].comparison.verdict, Verdict::faster);
    EXPECT_EQ(set.describe_axes(*set.rows[0].pair.fresh), "n=1");  // the compared axis is in the title
    ASSERT_EQ(set.not_compared.size(), 1u);
    EXPECT_EQ(set.not_compared[0].why, "no baseline case (python=3.11)");
}

TEST(SourceInfo, AFileWithMissingCasesOrAnUnfinishedRunIsPartial) {
    const Results whole = results_of({spawn_case("start/a", {}, 1.0)});
    EXPECT_FALSE(describe_source({"a", &whole, ""}).partial);
    const Results missing = results_of({spawn_case("start/a", {}, 1.0)}, 3);
    EXPECT_TRUE(describe_source({"a", &missing, ""}).partial);
    const Results interrupted = results_of({spawn_case("start/a", {}, 1.0)}, 1, "interrupted");
    EXPECT_TRUE(describe_source({"a", &interrupted, ""}).partial);
}

TEST(RegressionGate, TripsOnlyOnSignificantSlowdownsAboveTheThreshold) {
    const Pair p = two_runs();
    const CompareReport report = report_of(p);  // start/slow: 10 % slower, significant
    EXPECT_FALSE(check_regression_gate(report, {}).tripped());
    EXPECT_FALSE(check_regression_gate(report, {20.0, std::nullopt}).tripped());
    const GateResult tripped = check_regression_gate(report, {5.0, std::nullopt});
    ASSERT_EQ(tripped.trips.size(), 1u);
    EXPECT_NE(tripped.trips[0].find("start/slow"), std::string::npos) << tripped.trips[0];
    EXPECT_NE(tripped.trips[0].find("10.0%"), std::string::npos) << tripped.trips[0];
    // The faster gemm case and the unchanged one never trip it, whatever the threshold.
    EXPECT_EQ(check_regression_gate(report, {0.0, std::nullopt}).trips.size(), 1u);
}

TEST(RegressionGate, GeomeanGateUsesTheOverallSpeedUp) {
    const Results a = results_of({spawn_case("start/x", {}, 1.0), spawn_case("start/y", {}, 1.0)});
    const Results b = results_of({spawn_case("start/x", {}, 1.21), spawn_case("start/y", {}, 1.0)});
    const CompareReport report = compare_files({{"a", &a, ""}, {"b", &b, ""}}, CompareSettings{});
    // geomean speed-up sqrt(1 / 1.21) = 1 / 1.1: 10 % slower.
    EXPECT_FALSE(check_regression_gate(report, {std::nullopt, 10.5}).tripped());
    const GateResult g = check_regression_gate(report, {std::nullopt, 9.5});
    ASSERT_TRUE(g.tripped());
    EXPECT_NE(g.trips[0].find("geometric mean over 2 cases"), std::string::npos) << g.trips[0];
}

}  // namespace
}  // namespace perfmatrix
