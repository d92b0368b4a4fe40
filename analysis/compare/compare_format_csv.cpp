// `perfmatrix compare --format csv`: one line per case pair, for spreadsheets and pandas.

#include "analysis/compare/compare_formats.hpp"
#include "analysis/text/csv.hpp"
#include "analysis/view/case_category.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>  // fmt::join moved here in fmt 11

#include <algorithm>
#include <array>
#include <string_view>

namespace perfmatrix {

namespace {

constexpr std::array<std::string_view, 28> columns{"comparison_baseline",
                                                   "comparison_new",
                                                   "benchmark",
                                                   "case_id",
                                                   "baseline_case_id",
                                                   "new_case_id",
                                                   "axes",
                                                   "category",
                                                   "metric",
                                                   "unit",
                                                   "better",
                                                   "n_baseline",
                                                   "n_new",
                                                   "median_baseline",
                                                   "median_new",
                                                   "ratio",
                                                   "ratio_low",
                                                   "ratio_high",
                                                   "speedup",
                                                   "speedup_low",
                                                   "speedup_high",
                                                   "p_value",
                                                   "verdict",
                                                   "reason",
                                                   "baseline_status",
                                                   "new_status",
                                                   "noise_baseline",
                                                   "noise_new"};

std::size_t column(std::string_view name) {
    return static_cast<std::size_t>(std::find(columns.begin(), columns.end(), name) - columns.begin());
}

std::vector<std::string> identity(const ComparedSet& set, const CasePair& p) {
    const CaseRecord& c = shown_case(p);
    return {set.base_name,
            set.new_name,
            c.benchmark,
            c.case_id,
            p.base ? p.base->case_id : "",
            p.fresh ? p.fresh->case_id : "",
            csv_axes(c)};
}

std::string noise_flags(const NoiseWarnings& w) {
    std::vector<std::string> f;
    if (w.high_cv) f.emplace_back("high_cv");
    if (w.too_few_samples) f.emplace_back("too_few_samples");
    if (w.sub_millisecond) f.emplace_back("sub_millisecond");
    if (w.missing_warmup) f.emplace_back("missing_warmup");
    return fmt::format("{}", fmt::join(f, "+"));
}

std::string compared_line(const ComparedSet& set, const CaseComparison& r) {
    std::vector<std::string> cells = identity(set, r.pair);
    const Comparison& c = r.comparison;
    const auto& ratio = c.ratio;
    for (std::string s : {r.category,
                          r.metric,
                          r.unit,
                          std::string(r.better == Better::lower ? "lower" : "higher"),
                          std::to_string(c.n_base),
                          std::to_string(c.n_new),
                          c.n_base ? csv_number(c.median_base) : "",
                          c.n_new ? csv_number(c.median_new) : "",
                          ratio ? csv_number(ratio->ratio) : "",
                          ratio ? csv_number(ratio->low) : "",
                          ratio ? csv_number(ratio->high) : "",
                          r.speedup ? csv_number(r.speedup->value) : "",
                          r.speedup ? csv_number(r.speedup->low) : "",
                          r.speedup ? csv_number(r.speedup->high) : "",
                          c.test ? csv_number(c.test->p_value) : "",
                          std::string(verdict_name(c.verdict)),
                          c.reason,
                          r.pair.base->status,
                          r.pair.fresh->status,
                          noise_flags(r.base_noise),
                          noise_flags(r.new_noise)})
        cells.push_back(std::move(s));
    return csv_line(cells);
}

std::string not_compared_line(const ComparedSet& set, const NotCompared& n) {
    std::vector<std::string> cells = identity(set, n.pair);
    cells.resize(columns.size());
    cells[column("category")] = case_category(shown_case(n.pair));
    cells[column("verdict")] = "not compared";
    cells[column("reason")] = n.why;
    cells[column("baseline_status")] = n.pair.base ? n.pair.base->status : "missing";
    cells[column("new_status")] = n.pair.fresh ? n.pair.fresh->status : "missing";
    return csv_line(cells);
}

}  // namespace

std::string render_compare_csv(const CompareReport& report) {
    std::string out = fmt::format("{}\n", fmt::join(columns, ","));
    for (const ComparedSet& set : report.sets) {
        for (const CaseComparison& r : set.rows) out += compared_line(set, r);
        for (const NotCompared& n : set.not_compared) out += not_compared_line(set, n);
    }
    return out;
}

}  // namespace perfmatrix
