// Report section 2: per benchmark, one table of statistics per metric.

#include "analysis/report/report_sections.hpp"
#include "analysis/text/text_table.hpp"
#include "analysis/text/units.hpp"
#include "analysis/view/case_digest.hpp"
#include "analysis/view/case_metrics.hpp"
#include "measure/kind_registry.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>  // fmt::join moved here in fmt 11

#include <algorithm>

namespace perfmatrix {

namespace {

bool contains(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

bool any_not_ok(const BenchmarkView& b) {
    return std::any_of(b.cases.begin(), b.cases.end(), [](const CaseRecord* c) { return c->status != status::ok; });
}

std::vector<std::string> statistics_cells(const std::optional<Summary>& s, const std::string& unit) {
    if (!s) return {"0", "-", "-", "-", "-", "-", "-"};
    return {std::to_string(s->n),       format_value(s->median, unit), format_value(s->mad, unit),
            format_value(s->iqr, unit), format_value(s->min, unit),    format_value(s->max, unit),
            format_percent(s->cv)};
}

// Rounds, and the CVs of the round effect and of the samples within a round from the one-way
// ANOVA the `!` (between-round variance above within-round variance) is judged on, so the
// mark and the numbers beside it agree. Rounds of one sample each have no within part: then
// "between" is the relative MAD of the round values themselves and "within" is "-".
std::vector<std::string> round_cells(const std::optional<RoundSpread>& s) {
    if (!s) return {"-", "-", "-"};
    const std::string rounds = std::to_string(s->rounds);
    if (!s->components) return {rounds, format_percent(s->between_relative_mad), "-"};
    const std::string mark = s->dominated_by_between ? "!" : "";
    return {rounds, format_percent(s->components->between_cv()) + mark, format_percent(s->components->within_cv())};
}

// "n" is the conventional header for the sample count, but matrices often have an axis
// called n (a matrix size): then the count column says "samples" instead.
std::string count_header(const BenchmarkView& b) { return contains(b.axes, "n") ? "samples" : "n"; }

TextTable metric_table(const BenchmarkView& b, const MetricStats& m) {
    TextTable t;
    for (const std::string& axis : b.axes) t.add_column(axis, Align::left);
    t.add_column(count_header(b), Align::right);
    for (const char* h : {"median", "MAD", "IQR", "min", "max", "CV"}) t.add_column(h, Align::right);
    // The spread between rounds beside the spread within one (relative MADs, round_spread.hpp):
    // when rounds disagree more than samples do, more rounds help and more samples do not.
    const bool with_rounds = std::any_of(m.spreads.begin(), m.spreads.end(), [](auto& s) { return s.has_value(); });
    if (with_rounds)
        for (const char* h : {"rounds", "between", "within"}) t.add_column(h, Align::right);
    const bool with_status = any_not_ok(b);
    if (with_status) t.add_column("status", Align::left);
    for (std::size_t i = 0; i < b.cases.size(); ++i) {
        const CaseRecord& c = *b.cases[i];
        std::vector<std::string> row;
        for (std::size_t a = 0; a < b.axes.size(); ++a) row.push_back(b.axis_label(c, a));
        for (std::string& cell : statistics_cells(m.summaries[i], m.units[i])) row.push_back(std::move(cell));
        if (with_rounds) {
            for (std::string& cell : round_cells(m.spreads[i])) row.push_back(std::move(cell));
        }
        if (with_status) row.push_back(c.status == status::ok ? "" : c.status);
        t.add_row(std::move(row));
    }
    return t;
}

std::string table_heading(const BenchmarkView& b, const MetricStats& m) {
    return fmt::format("{}: {}{} (kind {}, {} case{})\n", b.name, m.metric, m.unit.empty() ? "" : " [" + m.unit + "]",
                       b.kind, b.cases.size(), b.cases.size() == 1 ? "" : "s");
}

std::string legend(const BenchmarkView& b) {
    std::string out;
    for (const AxisLabels& l : b.labels)
        for (const std::string& line : l.legend) out += "  " + line + "\n";
    return out;
}

// Requested metrics this benchmark has no samples of, named so a typo or a kind without
// that metric does not look like an empty result.
std::string absent_metrics_note(const BenchmarkView& b, const ReportSettings& opt) {
    if (opt.all_metrics || opt.metrics.empty()) return {};  // nothing was asked for by name
    std::vector<std::string> absent;
    for (const std::string& m : opt.metrics)
        if (!contains(b.metrics, m) && !contains(absent, m)) absent.push_back(m);
    if (absent.empty()) return {};
    return fmt::format("{}: no samples of {} (metrics here: {})\n", b.name, fmt::join(absent, ", "),
                       b.metrics.empty() ? "none" : fmt::format("{}", fmt::join(b.metrics, ", ")));
}

}  // namespace

namespace {

// What a benchmark without samples (every case failed) is tabulated by: the first headline
// metric its kind declares, so its failed cases still show under the usual heading.
std::string declared_headline(const BenchmarkView& b) {
    const Kind* kind = b.cases.empty() ? nullptr : find_kind(b.cases.front()->kind);
    if (kind) {
        for (const MetricSpec& m : kind->metrics)
            if (m.headline == 1) return m.name;
    }
    return "time";
}

}  // namespace

std::vector<std::string> table_metrics(const BenchmarkView& b, const ReportSettings& opt) {
    if (b.metrics.empty()) return {opt.metrics.empty() ? declared_headline(b) : opt.metrics.front()};
    if (opt.all_metrics) return b.metrics;
    const std::vector<std::string> wanted = !opt.metrics.empty() ? opt.metrics
                                                                 : (b.digests ? headline_metrics(b.cases, *b.digests)
                                                                              : headline_metrics(b.cases));
    std::vector<std::string> out;
    for (const std::string& m : wanted)
        if (contains(b.metrics, m) && !contains(out, m)) out.push_back(m);
    // A kind whose metrics are none of the headline ones still gets a table: of `time`, the
    // primary metric of python_workload (compare falls back to it too), else of its first metric.
    if (out.empty() && opt.metrics.empty()) out.push_back(contains(b.metrics, "time") ? "time" : b.metrics.front());
    return out;
}

CaseDigests digest_cases(const Results& r, const ReportSettings& opt) {
    // table_metrics' choices as far as one case can tell: the named metrics, or every one, or
    // the headline ones and `time`, or every one of a case without a headline metric (its
    // benchmark's tables may then show any). CaseDigests computes a missed one later.
    const auto wanted = [&opt](const CaseDigest& all, const MetricDigest& m) {
        if (opt.all_metrics) return true;
        if (!opt.metrics.empty()) return contains(opt.metrics, m.name);
        const auto headline = [](const MetricDigest& d) { return d.spec.headline > 0; };
        return headline(m) || m.name == "time" || std::none_of(all.metrics.begin(), all.metrics.end(), headline);
    };
    return CaseDigests(latest_records(r), or_in_records(opt.samples), wanted);
}

std::string render_benchmark(const BenchmarkStats& b, const ReportSettings& opt) {
    std::string out = absent_metrics_note(*b.view, opt);
    for (std::size_t i = 0; i < b.metrics.size(); ++i) {
        if (i > 0) out += "\n";
        out += table_heading(*b.view, b.metrics[i]) + metric_table(*b.view, b.metrics[i]).render("  ");
    }
    return out + legend(*b.view);
}

}  // namespace perfmatrix
