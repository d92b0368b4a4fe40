// HTML report: one section per benchmark — statistics per case, what produced the numbers,
// and the benchmark's plots.

#include "analysis/html/html_escape.hpp"
#include "analysis/html/html_sections.hpp"
#include "analysis/html/html_table.hpp"
#include "analysis/report/report_sections.hpp"
#include "analysis/stats/noise_warnings.hpp"
#include "analysis/text/units.hpp"
#include "analysis/view/metric_stats.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

namespace perfmatrix {

namespace {

// The thresholds of `perfmatrix report` (ReportSettings), so the text and the page agree.
NoiseThresholds report_thresholds(const ReportSettings& opt) {
    return {.max_cv = opt.noisy_cv, .min_samples = opt.min_samples};
}

std::string warnings_text(const Summary& s, Better better, const std::string& unit, const ReportSettings& opt) {
    const NoiseThresholds limits = report_thresholds(opt);
    const NoiseWarnings w = noise_warnings(s, better, is_duration_unit(unit), limits);
    std::vector<std::string> parts;
    if (w.high_cv) parts.push_back("CV " + format_percent(s.cv) + " &gt; " + format_percent(limits.max_cv));
    if (w.too_few_samples) parts.push_back(fmt::format("only {} samples", s.n));
    if (w.sub_millisecond) parts.push_back("median under 1 ms (timer-bound)");
    if (w.missing_warmup) parts.push_back("first sample much slower: warm-up too short?");
    std::string out;
    for (const std::string& p : parts) out += (out.empty() ? "" : "; ") + p;
    return out.empty() ? "" : "<span class=\"warn\">" + out + "</span>";
}

// Where each case's panel is in the benchmark's timeline plot: case id -> "#<svg id>".
using PanelLinks = std::map<std::string, std::string>;

PanelLinks timeline_links(const HtmlReportInputs& in, const std::string& benchmark) {
    PanelLinks out;
    if (!in.plots) return out;
    for (const TimelinePlot& t : in.plots->timelines) {
        if (t.benchmark != benchmark || !in.svg_of.contains(t.file)) continue;
        for (const TimelinePanel& p : t.panels) out.emplace(p.case_id, "#" + svg_id_prefix(t.file) + p.anchor);
    }
    return out;
}

std::string statistics_table(const BenchmarkView& view, const MetricStats& m, const ReportSettings& opt,
                             const PanelLinks& links) {
    HtmlTable t;
    for (const std::string& axis : view.axes) t.columns.push_back({axis});
    const bool n_axis = std::find(view.axes.begin(), view.axes.end(), "n") != view.axes.end();
    t.columns.push_back({n_axis ? "samples" : "n", true});
    for (const char* h : {"median", "95% CI of median", "MAD", "IQR", "min", "max", "CV"})
        t.columns.push_back({h, true});
    t.columns.push_back({"status / warnings"});
    if (!links.empty()) t.columns.push_back({"over time"});
    for (std::size_t i = 0; i < view.cases.size(); ++i) {
        const CaseRecord& c = *view.cases[i];
        std::vector<std::string> row;
        for (std::size_t a = 0; a < view.axes.size(); ++a) row.push_back(html_escape(view.axis_label(c, a)));
        const auto& s = m.summaries[i];
        const std::string& unit = m.units[i];
        auto v = [&unit](double x) { return html_escape(format_value(x, unit)); };
        if (s) {
            row.insert(row.end(), {std::to_string(s->n), "<b>" + v(s->median) + "</b>",
                                   s->median_ci ? v(s->median_ci->lower) + " – " + v(s->median_ci->upper) : "n &lt; 6",
                                   v(s->mad), v(s->iqr), v(s->min), v(s->max), html_escape(format_percent(s->cv))});
        } else {
            row.insert(row.end(), {"0", "-", "-", "-", "-", "-", "-", "-"});
        }
        const bool ok = c.status == status::ok;
        std::string last = ok ? std::string{} : "<span class=\"status\">" + html_escape(c.status) + "</span>";
        if (ok && s) last = warnings_text(*s, m.better[i], unit, opt);
        row.push_back(std::move(last));
        if (!links.empty()) {
            const auto link = links.find(c.case_id);
            row.push_back(link == links.end() ? "" : "<a href=\"" + html_escape(link->second) + "\">samples</a>");
        }
        t.add_row(std::move(row), ok ? "" : "failed");
    }
    return t.render();
}

std::string axis_legend(const BenchmarkView& view) {
    std::string out;
    for (const AxisLabels& l : view.labels)
        for (const std::string& line : l.legend) out += html_escape(line) + "<br>";
    return out.empty() ? "" : "<p class=\"kind\">" + out + "</p>\n";
}

// Entries every case shares are shown once; the rest per case, so a differing library
// version stands out instead of drowning in repeats.
std::string environment_details(const BenchmarkView& view) {
    std::map<std::pair<std::string, std::string>, std::size_t> seen;
    std::size_t with_env = 0;
    for (const CaseRecord* c : view.cases) {
        if (c->environment.empty()) continue;
        ++with_env;
        std::set<std::pair<std::string, std::string>> unique(c->environment.begin(), c->environment.end());
        for (const auto& kv : unique) ++seen[kv];
    }
    if (with_env == 0) return {};
    HtmlTable common;
    common.columns = {{"key"}, {"value"}};
    for (const auto& [kv, count] : seen)
        if (count == with_env) common.add_row({"<code>" + html_escape(kv.first) + "</code>", html_escape(kv.second)});
    HtmlTable per_case;
    per_case.columns = {{"case"}, {"key"}, {"value"}};
    for (const CaseRecord* c : view.cases)
        for (const auto& kv : c->environment)
            if (seen[kv] != with_env)
                per_case.add_row({html_escape(view.describe_axes(*c)), "<code>" + html_escape(kv.first) + "</code>",
                                  html_escape(kv.second)});
    std::string out = "<details><summary>Case environment (" + std::to_string(with_env) + " cases)</summary>\n";
    if (!common.rows.empty()) out += "<h3>Common to every case</h3>\n" + common.render();
    if (!per_case.rows.empty()) out += "<h3>Differing between cases</h3>\n" + per_case.render();
    return out + "</details>\n";
}

std::string figures(const HtmlReportInputs& in, const std::string& benchmark) {
    if (!in.plots) return {};
    std::string out;
    for (const auto& p : in.plots->distributions)
        if (p.benchmark == benchmark)
            out += html_figure(
                in, p.file,
                fmt::format("Measured samples of each ok case, a panel per combination of the other axes{}, each on "
                            "its own scale (logarithmic where it spans more than 10×): box = quartiles, line = "
                            "median, dots = samples (at most {} per case, evenly spaced quantiles).",
                            p.axis.empty() ? "" : ", " + p.axis + " side by side", PlotLimits{}.max_points));
    for (const auto& p : in.plots->timelines)
        if (p.benchmark == benchmark)
            out += html_figure(in, p.file,
                               "Each sample against the time it was taken, on the run's one time axis (seconds since "
                               "its first round began), coloured by round; black lines: each round's median. Samples "
                               "carry no clock: a round's samples are spread evenly over its span.");
    for (const auto& p : in.plots->throughput)
        if (p.benchmark == benchmark)
            out += html_figure(in, p.file,
                               "Median " + p.metric + " against " + p.x_axis + ", bars: 95% CI of the median.");
    for (const auto& p : in.plots->imports)
        if (p.benchmark == benchmark)
            out += html_figure(in, p.file,
                               "Median over the measured runs of each module's -X importtime self and "
                               "cumulative time.");
    return out;
}

}  // namespace

std::string html_benchmark(const HtmlReportInputs& in, const BenchmarkView& view) {
    std::string out = fmt::format("<section id=\"{}\">\n<h2>{} <span class=\"kind\">kind {}, {} case{}</span></h2>\n",
                                  html_anchor("bench", view.name), html_escape(view.name), html_escape(view.kind),
                                  view.cases.size(), view.cases.size() == 1 ? "" : "s");
    const PanelLinks links = timeline_links(in, view.name);
    for (const std::string& metric : table_metrics(view, in.tables)) {
        const MetricStats m = compute_metric_stats(view, metric);
        out += fmt::format("<h3>{}{}</h3>\n", html_escape(metric),
                           m.unit.empty() ? "" : " [" + html_escape(m.unit) + "]");
        out += statistics_table(view, m, in.tables, links);
    }
    out += axis_legend(view) + environment_details(view) + figures(in, view.name);
    return out + "</section>\n";
}

}  // namespace perfmatrix
