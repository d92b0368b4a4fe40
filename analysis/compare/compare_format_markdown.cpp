// `perfmatrix compare --format markdown`: for a CI job summary or a pull-request comment.

#include "analysis/compare/compare_formats.hpp"
#include "analysis/compare/compare_text.hpp"
#include "analysis/text/text.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>  // fmt::join moved here in fmt 11

namespace perfmatrix {

namespace {

std::string cases_table(const CompareReport& report, const ComparedSet& set) {
    std::string out = markdown_header({"benchmark", "case", "metric", "baseline", "new", "speed-up", "95% CI", "p",
                                       "verdict", "notes"},
                                      {false, false, false, true, true, true, true, true, false, false});
    for (const CaseComparison& r : set.rows) {
        const bool ratio = r.speedup.has_value();
        const std::string axes = set.describe_axes(shown_case(r.pair));
        out += markdown_row({r.pair.fresh->benchmark, axes.empty() ? "-" : axes, r.metric.empty() ? "-" : r.metric,
                             median_text(r, true), median_text(r, false),
                             ratio ? format_speedup(r.speedup->value) : "-",
                             ratio ? format_interval(r.speedup->low, r.speedup->high) : "-",
                             r.comparison.test ? format_p(r.comparison.test->p_value) : "-", verdict_text(r),
                             noise_text(r, report.settings)});
    }
    return out;
}

std::string summary_table(const ComparedSet& set) {
    std::string out = markdown_header({"category", "cases", "faster", "slower", "unchanged", "no verdict", "speed-up",
                                       "95% CI"},
                                      {false, true, true, true, true, true, true, true});
    for (const GroupSummary* g : summary_groups(set))
        out += markdown_row({g->name, std::to_string(g->averaged()), std::to_string(g->faster),
                             std::to_string(g->slower), std::to_string(g->unchanged), std::to_string(g->no_verdict),
                             g->speedup ? format_speedup(g->speedup->value) : "-",
                             g->speedup ? format_interval(g->speedup->low, g->speedup->high) : "-"});
    return out;
}

std::string change_list(const ComparedSet& set, const std::vector<std::size_t>& picked) {
    if (picked.empty()) return "none\n";
    std::string out;
    for (std::size_t i : picked)
        out += fmt::format("- {} `{}` {}\n", format_speedup(set.rows[i].speedup->value),
                           case_title(set, set.rows[i].pair), set.rows[i].metric);
    return out;
}

std::string render_set(const CompareReport& report, const ComparedSet& set) {
    std::string out = fmt::format("## {}\n\n", markdown_cell(set_title(set)));
    if (!set.rows.empty()) out += cases_table(report, set) + "\n";
    for (const std::string& line : set.legend()) out += "- " + markdown_cell(line) + "\n";
    out += "\n### By category\n\nGeometric mean of speed-ups over the cases with a verdict, 95% CI (t over cases).\n\n";
    out += summary_table(set);
    out += "\n### Largest improvements (verdict faster)\n\n" + change_list(set, set.improvements);
    out += "\n### Largest regressions (verdict slower)\n\n" + change_list(set, set.regressions);
    if (!set.not_compared.empty()) {
        out += fmt::format("\n### Not compared ({})\n\n", set.not_compared.size());
        for (const NotCompared& n : set.not_compared)
            out += fmt::format("- `{}`: {}\n", case_title(set, n.pair), n.why);
    }
    return out;
}

}  // namespace

std::string render_compare_markdown(const CompareReport& report) {
    std::string out = "# perfmatrix compare\n\n";
    for (const std::string& line : source_lines(report)) out += "- " + line + "\n";
    for (const std::string& line : reading_lines(report)) out += "- " + line + "\n";
    for (const ComparedSet& set : report.sets) out += "\n" + render_set(report, set);
    return out;
}

}  // namespace perfmatrix
