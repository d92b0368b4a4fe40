// HTML report: cases that did not end ok, planned cases that never ran, and noisy cases.

#include "analysis/html/html_escape.hpp"
#include "analysis/html/html_sections.hpp"
#include "analysis/html/html_table.hpp"
#include "analysis/report/report_sections.hpp"
#include "analysis/stats/noise_warnings.hpp"
#include "analysis/text/units.hpp"
#include "analysis/view/metric_stats.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>  // fmt::join

#include <algorithm>

namespace perfmatrix {

namespace {

std::string case_text(const BenchmarkView& view, const CaseRecord& c) {
    const std::string axes = view.describe_axes(c);
    return axes.empty() ? c.case_id : axes;
}

std::size_t recorded(const std::vector<BenchmarkView>& views) {
    std::size_t n = 0;
    for (const BenchmarkView& v : views) n += v.cases.size();
    return n;
}

}  // namespace

std::string html_problems(const Results& r, const std::vector<BenchmarkView>& views) {
    HtmlTable t;
    t.columns = {{"benchmark"}, {"case"}, {"status"}, {"host"}, {"reason"}};
    for (const BenchmarkView& v : views)
        for (const CaseRecord* c : v.cases)
            if (c->status != status::ok)
                t.add_row({html_escape(v.name), html_escape(case_text(v, *c)),
                           "<span class=\"status\">" + html_escape(c->status) + "</span>", html_escape(c->host),
                           "<span class=\"reason\">" + html_escape(c->reason) + "</span>"});
    const std::size_t planned = static_cast<std::size_t>(std::max(0, r.meta.planned_cases));
    const std::size_t missing = planned > recorded(views) ? planned - recorded(views) : 0;
    if (t.rows.empty() && missing == 0) return {};
    std::string out = "<section id=\"problems\">\n<h2>Failed, skipped and never-run cases</h2>\n";
    if (!t.rows.empty())
        out += fmt::format("<p>{} case{} did not end ok; none of them is in any statistic above.</p>\n", t.rows.size(),
                           t.rows.size() == 1 ? "" : "s") +
               t.render();
    if (missing > 0)
        out += fmt::format(
            "<p class=\"note\">{} of {} planned case{} never ran (an interrupted run?): "
            "<code>perfmatrix run --resume {} -o FILE</code> runs exactly those.</p>\n",
            missing, planned, planned == 1 ? "" : "s", html_escape(r.meta.job_path.empty() ? "JOB" : r.meta.job_path));
    return out + "</section>\n";
}

std::string html_noise(const std::vector<BenchmarkView>& views, const ReportSettings& opt) {
    const NoiseThresholds limits{.max_cv = opt.noisy_cv, .min_samples = opt.min_samples};
    HtmlTable t;
    t.columns = {{"benchmark"}, {"case"}, {"metric"}, {"n", true}, {"median", true}, {"CV", true}, {"why"}};
    for (const BenchmarkView& v : views)
        for (const std::string& metric : table_metrics(v, opt)) {
            const MetricStats m = compute_metric_stats(v, metric);
            for (std::size_t i = 0; i < v.cases.size(); ++i) {
                const auto& s = m.summaries[i];
                if (v.cases[i]->status != status::ok || !s) continue;
                const NoiseWarnings w = noise_warnings(*s, m.better[i], is_duration_unit(m.units[i]), limits);
                if (!w.any()) continue;
                std::vector<std::string> why;
                if (w.high_cv) why.push_back("high CV");
                if (w.too_few_samples) why.push_back("too few samples");
                if (w.sub_millisecond) why.push_back("under 1 ms");
                if (w.missing_warmup) why.push_back("slow first sample");
                t.add_row({html_escape(v.name), html_escape(case_text(v, *v.cases[i])), html_escape(metric),
                           std::to_string(s->n), html_escape(format_value(s->median, m.units[i])),
                           html_escape(format_percent(s->cv)), fmt::format("{}", fmt::join(why, ", "))});
            }
        }
    if (t.rows.empty()) return {};
    return fmt::format(
               "<section id=\"noise\">\n<h2>Noise warnings</h2>\n<p>CV above {}, fewer than {} samples, a "
               "median under 1 ms, or a first sample {}× worse than the rest.</p>\n",
               html_escape(format_percent(limits.max_cv)), limits.min_samples, limits.warmup_factor) +
           t.render() + "</section>\n";
}

}  // namespace perfmatrix
