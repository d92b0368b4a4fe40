// HTML report: the comparison along an axis (or of files): heatmap, category geomeans with
// their CIs, every case's verdict, and what could not be compared.

#include "analysis/html/html_escape.hpp"
#include "analysis/html/html_sections.hpp"
#include "analysis/html/html_table.hpp"
#include "analysis/text/units.hpp"

#include <fmt/format.h>

namespace perfmatrix {

namespace {

std::string times(double v) { return fmt::format("{:.3f}×", v); }

std::string interval(double low, double high) { return fmt::format("[{:.3f}, {:.3f}]", low, high); }

std::string p_text(const std::optional<MannWhitney>& test) {
    if (!test) return "-";
    return test->p_value < 0.001 ? "&lt;0.001" : fmt::format("{:.3f}", test->p_value);
}

void geomean_cells(const GroupSummary& g, std::vector<std::string>& row) {
    if (!g.speedup) {
        row.push_back("-");
        row.push_back("-");
        return;
    }
    row.push_back("<b>" + times(g.speedup->value) + "</b>");
    row.push_back(g.speedup->low && g.speedup->high ? interval(*g.speedup->low, *g.speedup->high) : "-");
}

// The row's class colours its verdict cell (CSS: tr.faster td.verdict).
std::string verdict_class(Verdict v) {
    if (v == Verdict::faster) return "faster";
    if (v == Verdict::slower) return "slower";
    return {};
}

std::string categories_table(const ComparedSet& set) {
    HtmlTable t;
    t.columns = {{"category"},        {"cases", true},      {"faster", true},           {"slower", true},
                 {"no change", true}, {"no verdict", true}, {"geomean speed-up", true}, {"95% CI", true}};
    auto add = [&t](const GroupSummary& g, bool overall) {
        std::vector<std::string> row{overall ? "<b>overall</b>" : html_escape(g.name),
                                     std::to_string(g.averaged()),
                                     std::to_string(g.faster),
                                     std::to_string(g.slower),
                                     std::to_string(g.unchanged),
                                     std::to_string(g.no_verdict)};
        geomean_cells(g, row);
        t.add_row(std::move(row));
    };
    for (const GroupSummary& g : set.categories) add(g, false);
    add(set.overall, true);
    return t.render();
}

std::string verdicts_table(const ComparedSet& set) {
    HtmlTable t;
    t.columns = {{"benchmark"},      {"case"},         {"metric"},  {"baseline", true}, {"new", true},
                 {"speed-up", true}, {"95% CI", true}, {"p", true}, {"verdict"}};
    for (const CaseComparison& row : set.rows) {
        const CaseRecord& c = shown_case(row.pair);
        const Comparison& cmp = row.comparison;
        std::string verdict = html_escape(verdict_name(cmp.verdict));
        if (!cmp.reason.empty()) verdict += ": " + html_escape(cmp.reason);
        t.add_row({html_escape(c.benchmark), html_escape(set.describe_axes(c)), html_escape(row.metric),
                   html_escape(format_value(cmp.median_base, row.unit)),
                   html_escape(format_value(cmp.median_new, row.unit)), row.speedup ? times(row.speedup->value) : "-",
                   row.speedup ? interval(row.speedup->low, row.speedup->high) : "-", p_text(cmp.test), verdict},
                  verdict_class(cmp.verdict));
    }
    return t.render();
}

std::string not_compared_list(const ComparedSet& set) {
    if (set.not_compared.empty()) return {};
    HtmlTable t;
    t.columns = {{"benchmark"}, {"case"}, {"why not compared"}};
    for (const NotCompared& n : set.not_compared) {
        const CaseRecord& c = shown_case(n.pair);
        t.add_row({html_escape(c.benchmark), html_escape(set.describe_axes(c)),
                   "<span class=\"reason\">" + html_escape(n.why) + "</span>"});
    }
    return fmt::format("<h3>Not compared ({})</h3>\n", set.not_compared.size()) + t.render();
}

// The forest plot of the comparison's set number `index`, when one was drawn.
std::string forest_figure(const HtmlReportInputs& in, std::size_t index) {
    if (!in.plots) return {};
    for (const ForestPlot& f : in.plots->forests)
        if (f.set == index)
            return html_figure(in, f.file,
                               "Speed-up of every compared case with its 95% CI, by category, fastest first; "
                               "shape and colour: the verdict.");
    return {};
}

std::string legend(const ComparedSet& set) {
    const auto lines = set.legend();
    if (lines.empty()) return {};
    std::string out = "<p class=\"kind\">";
    for (const std::string& l : lines) out += html_escape(l) + "<br>";
    return out + "</p>\n";
}

}  // namespace

std::string html_comparison(const HtmlReportInputs& in) {
    if (!in.comparison) {
        if (in.comparison_note.empty()) return {};
        return "<section id=\"comparison\">\n<h2>Comparison</h2>\n<p>" + html_escape(in.comparison_note) +
               "</p>\n</section>\n";
    }
    const CompareReport& report = *in.comparison;
    std::string out = "<section id=\"comparison\">\n<h2>Comparison</h2>\n";
    out += fmt::format(
        "<p>Speed-up = how many times faster than the baseline (&gt; 1: faster), ratio of medians with a 95&nbsp;% "
        "bootstrap CI; verdict from a two-sided Mann-Whitney U test at α = {} and a minimum effect of {}. Category "
        "figures are geometric means over the cases with a verdict, with a t interval.</p>\n",
        report.settings.alpha, html_escape(format_percent(report.settings.min_effect)));
    if (in.plots) {
        // The version story first: per category, how much faster each value is.
        for (const SpeedupSummaryPlot& s : in.plots->summaries)
            out += html_figure(in, s.file,
                               s.title +
                                   ": a dot per compared value at the geometric mean of its cases' speed-ups, "
                                   "bars: 95% CI, dashed line: no change (1×).");
        for (const HeatmapPlot& h : in.plots->heatmaps) out += html_figure(in, h.file, h.title);
        for (const TaxPlot& t : in.plots->tax) out += html_figure(in, t.file, t.title);  // `perfmatrix tax`'s
    }
    for (std::size_t i = 0; i < report.sets.size(); ++i) {
        const ComparedSet& set = report.sets[i];
        out += fmt::format("<h3>{} vs {} (baseline)</h3>\n", html_escape(set.new_name), html_escape(set.base_name));
        out += forest_figure(in, i);
        out += categories_table(set) + verdicts_table(set) + not_compared_list(set) + legend(set);
    }
    return out + "</section>\n";
}

}  // namespace perfmatrix
