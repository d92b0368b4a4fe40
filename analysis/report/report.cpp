#include "analysis/report/report.hpp"

#include "analysis/report/report_sections.hpp"
#include "analysis/view/case_category.hpp"
#include "measure/model/kind.hpp"

#include <algorithm>

namespace perfmatrix {

namespace {

bool is_startup(const BenchmarkView& b) {
    return std::any_of(b.cases.begin(), b.cases.end(),
                       [](const CaseRecord* c) { return case_category(*c) == category::startup; });
}

std::vector<BenchmarkStats> compute_stats(const std::vector<BenchmarkView>& views, const ReportSettings& opt) {
    std::vector<BenchmarkStats> out;
    for (const BenchmarkView& b : views) {
        BenchmarkStats& s = out.emplace_back(BenchmarkStats{&b, {}});
        for (const std::string& metric : table_metrics(b, opt)) s.metrics.push_back(compute_metric_stats(b, metric));
    }
    return out;
}

}  // namespace

std::string render_report(const Results& r, const ReportSettings& opt) {
    const CaseDigests digests = digest_cases(r, opt);
    const std::vector<BenchmarkView> views = group_benchmarks(r, &digests);
    const std::vector<BenchmarkStats> stats = compute_stats(views, opt);
    std::string out = render_header(r);
    bool floor_shown = false;
    for (const BenchmarkStats& b : stats) {
        out += "\n" + render_benchmark(b, opt);
        // Start-up figures are read against the floor under them, so it follows the first of them.
        if (!floor_shown && is_startup(*b.view)) {
            out += render_spawn_floor(r);
            floor_shown = true;
        }
    }
    for (const std::string& section : {render_components(views), render_system_warnings(r), render_problems(views),
                                       render_noise(stats, opt), render_round_spread(stats)})
        if (!section.empty()) out += "\n" + section;
    out += "\n" + render_totals(r, views, opt);
    return out;
}

}  // namespace perfmatrix
