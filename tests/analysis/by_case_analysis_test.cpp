// `report` and `compare` on records without samples, each case loaded when it is analysed
// (case_loader.hpp, as the CLI reads a file by case), against the same records holding their
// samples: the same text in every format, each case loaded once for a report, and never more
// than a case or two per thread in memory.

#include "analysis/compare/compare_formats.hpp"
#include "analysis/compare/compare_report.hpp"
#include "analysis/report/report_formats.hpp"
#include "tests/analysis/compare_fixtures.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace perfmatrix {
namespace {

using testing::band;
using testing::make_case;
using testing::results_of;

// A case of `rounds` rounds of `per_round` samples of each metric, the rounds a little apart.
CaseRecord rounds_case(const std::string& id, const std::string& benchmark, const std::string& kind,
                       const std::string& python, const std::vector<std::pair<std::string, std::string>>& metrics,
                       double centre, int rounds, int per_round) {
    std::vector<Sample> samples;
    for (int r = 0; r < rounds; ++r)
        for (const auto& [metric, unit] : metrics) {
            samples.push_back({metric, unit, 0, true, centre * 3, r});
            const std::vector<double> values = band(centre * (1 + 0.01 * r), per_round);
            for (int i = 0; i < per_round; ++i) samples.push_back({metric, unit, i, false, values[i], r});
        }
    CaseRecord c = make_case(id, benchmark, kind, {{"python", python}, {"size", "1"}}, std::move(samples));
    for (int r = 0; r < rounds; ++r) c.rounds.push_back({r, status::ok, "", 1, 0, "h", 0, 0, 0});
    return c;
}

// Two interpreters over benchmarks of different kinds and metrics: times, rates, a metric no
// kind calls a headline, several rounds and one, a failed case.
Results mixed_results() {
    std::vector<CaseRecord> cases;
    for (const auto& [python, speed] : std::vector<std::pair<std::string, double>>{{"3.11", 1.0}, {"3.12", 0.9}}) {
        cases.push_back(
            rounds_case("start/" + python, "start", "spawn", python, {{"wall_time", "s"}}, 0.02 * speed, 5, 40));
        cases.push_back(rounds_case("gemm/" + python, "gemm", "blas_gemm", python,
                                    {{"time", "s"}, {"gflops", "GFLOP/s"}}, 50 / speed, 1, 700));
        cases.push_back(
            rounds_case("odd/" + python, "odd", "no_such_kind", python, {{"widgets", "count"}}, 100 * speed, 3, 9));
    }
    cases.push_back(make_case("start/3.13", "start", "spawn", {{"python", "3.13"}, {"size", "1"}}, {},
                              status::nonzero_exit, "exit 1"));
    return results_of(std::move(cases));
}

// The records as a file read by case gives them: no samples. The loader hands back the full
// record, counting loads and the copies alive at once.
struct ByCase {
    Results stripped;
    std::map<std::string, CaseRecord> full;
    std::shared_ptr<std::atomic<int>> loads = std::make_shared<std::atomic<int>>(0);
    std::shared_ptr<std::atomic<int>> alive = std::make_shared<std::atomic<int>>(0);
    std::shared_ptr<std::atomic<int>> most_alive = std::make_shared<std::atomic<int>>(0);

    explicit ByCase(const Results& r) : stripped(r) {
        for (CaseRecord& c : stripped.cases) {
            full.emplace(c.case_id, c);
            c.samples.clear();
        }
    }

    CaseLoader loader() const {
        return [this](const CaseRecord& c) {
            ++*loads;
            const int now = ++*alive;
            for (int seen = *most_alive; now > seen && !most_alive->compare_exchange_weak(seen, now);) {
            }
            auto copy = new CaseRecord(full.at(c.case_id));
            return std::shared_ptr<const CaseRecord>(copy, [alive = alive](const CaseRecord* p) {
                --*alive;
                delete p;
            });
        };
    }
};

int threads() { return static_cast<int>(std::max(1u, std::thread::hardware_concurrency())); }

TEST(ByCaseAnalysis, ReportIsTheSameTextInEveryFormatAndLoadsEachCaseOnce) {
    const Results whole = mixed_results();
    for (const ReportSettings& asked :
         {ReportSettings{}, ReportSettings{{}, true}, ReportSettings{{"time", "widgets", "nothing"}}}) {
        for (ReportFormat format :
             {ReportFormat::text, ReportFormat::markdown, ReportFormat::csv, ReportFormat::json}) {
            const ByCase by_case(whole);
            ReportSettings settings = asked;
            settings.samples = by_case.loader();
            const std::string want = render_report(whole, asked, format);
            EXPECT_EQ(render_report(by_case.stripped, settings, format), want);
            EXPECT_NE(want.find("gemm"), std::string::npos);
            EXPECT_EQ(*by_case.loads, static_cast<int>(whole.cases.size())) << "each case read once";
            EXPECT_LE(*by_case.most_alive, threads()) << "a case per thread at most";
            EXPECT_EQ(*by_case.alive, 0);
        }
    }
}

// A metric the digest did not expect (not a headline of this case, though of the benchmark's
// other case) is loaded again, not left out.
TEST(ByCaseAnalysis, AStatisticNotTakenInThePassIsComputedLater) {
    Results whole = mixed_results();
    // The file describes the 3.12 gemm case's rate as no headline (its time instead): not
    // digested there, though the benchmark's other case makes it a table.
    whole.cases[4].metrics = {{"gflops", "GFLOP/s", Better::higher, 0}, {"time", "s", Better::lower, 1}};
    const ByCase by_case(whole);
    ReportSettings settings;
    settings.samples = by_case.loader();
    EXPECT_EQ(render_report(by_case.stripped, settings, ReportFormat::csv),
              render_report(whole, ReportSettings{}, ReportFormat::csv));
    EXPECT_GT(*by_case.loads, static_cast<int>(whole.cases.size()));
}

TEST(ByCaseAnalysis, CompareIsTheSameInEveryFormatWithTwoCasesPerThreadAtMost) {
    const Results whole = mixed_results();
    const ByCase by_case(whole);
    const CompareReport want = compare_axis({"r.h5", &whole, ""}, "python", "3.11", CompareSettings{});
    ResultsSource source{"r.h5", &by_case.stripped, ""};
    source.samples = by_case.loader();
    const CompareReport got = compare_axis(source, "python", "3.11", CompareSettings{});
    for (CompareFormat format :
         {CompareFormat::table, CompareFormat::markdown, CompareFormat::csv, CompareFormat::json})
        EXPECT_EQ(render_compare(got, format, false), render_compare(want, format, false));
    EXPECT_NE(render_compare(want, CompareFormat::csv, false).find("gemm"), std::string::npos);
    EXPECT_LE(*by_case.most_alive, 2 * threads());
    EXPECT_EQ(*by_case.alive, 0);
    // Files compared by case id: the same with the loader on both sides.
    const Results newer = mixed_results();
    const ByCase other(newer);
    ResultsSource second{"n.h5", &other.stripped, ""};
    second.samples = other.loader();
    EXPECT_EQ(render_compare(compare_files({source, second}, CompareSettings{}), CompareFormat::json, false),
              render_compare(compare_files({{"r.h5", &whole, ""}, {"n.h5", &newer, ""}}, CompareSettings{}),
                             CompareFormat::json, false));
}

}  // namespace
}  // namespace perfmatrix
