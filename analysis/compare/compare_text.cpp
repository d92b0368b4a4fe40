#include "analysis/compare/compare_text.hpp"

#include "analysis/text/units.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>  // fmt::join moved here in fmt 11

namespace perfmatrix {

namespace {

// "CV>5% (both)": which sides raised a warning.
void add_flag(std::vector<std::string>& flags, const std::string& name, bool base, bool fresh) {
    if (base || fresh) flags.push_back(fmt::format("{} ({})", name, base && fresh ? "both" : base ? "base" : "new"));
}

std::string source_line(const SourceInfo& s, const char* role) {
    const std::string state = fmt::format("{} of {} planned cases, last run {}", s.cases, s.planned,
                                          s.last_status.empty() ? "unknown" : s.last_status);
    return fmt::format("{:<9} {}  job {} (sha256 {}, tool {}), {}{}{}", role, s.path, s.job_path,
                       s.job_hash.substr(0, 12), s.tool_version, s.partial ? "PARTIAL: " : "", state,
                       s.note.empty() ? "" : "; " + s.note);
}

// Three decimals where factors usually are; significant digits far out (an interval over two
// cases can span 0.0003 to 9650), so no bound prints as a bare 0.000.
std::string format_factor(double x) {
    return x >= 0.01 && x < 1000 ? fmt::format("{:.3f}", x) : fmt::format("{:.3g}", x);
}

}  // namespace

std::string format_speedup(double speedup) { return format_factor(speedup) + "x"; }

std::string format_interval(std::optional<double> low, std::optional<double> high) {
    if (!low || !high) return "-";
    return fmt::format("[{}, {}]", format_factor(*low), format_factor(*high));
}

std::string format_p(double p) { return p < 0.001 ? "<0.001" : fmt::format("{:.3f}", p); }

std::string verdict_text(const CaseComparison& row) {
    if (row.comparison.verdict != Verdict::no_verdict) return std::string(verdict_name(row.comparison.verdict));
    return "no verdict: " + row.comparison.reason;
}

std::string noise_text(const CaseComparison& row, const CompareSettings& settings) {
    const NoiseWarnings& b = row.base_noise;
    const NoiseWarnings& n = row.new_noise;
    std::vector<std::string> flags;
    add_flag(flags, "CV>" + format_percent(settings.noise.max_cv), b.high_cv, n.high_cv);
    add_flag(flags, fmt::format("n<{}", settings.min_samples), b.too_few_samples, n.too_few_samples);
    add_flag(flags, "<1 ms", b.sub_millisecond, n.sub_millisecond);
    add_flag(flags, "cold first sample", b.missing_warmup, n.missing_warmup);
    return fmt::format("{}", fmt::join(flags, ", "));
}

std::string median_text(const CaseComparison& row, bool base) {
    const Comparison& c = row.comparison;
    if ((base ? c.n_base : c.n_new) == 0) return "-";
    return format_value(base ? c.median_base : c.median_new, row.unit);
}

std::vector<std::string> source_lines(const CompareReport& report) {
    std::vector<std::string> lines;
    for (std::size_t i = 0; i < report.sources.size(); ++i)
        lines.push_back(source_line(report.sources[i], report.axis.empty() ? (i == 0 ? "baseline" : "new") : "file"));
    if (report.axis.empty()) return lines;
    std::string axis_line = fmt::format("axis      {}, baseline {}", report.axis, report.baseline);
    if (const std::size_t n = report.cases_without_axis; n > 0)
        axis_line += fmt::format("; {} case{} without this axis not compared", n, n == 1 ? "" : "s");
    lines.push_back(std::move(axis_line));
    return lines;
}

std::vector<std::string> reading_lines(const CompareReport& report) {
    const CompareSettings& s = report.settings;
    return {
        fmt::format("metric    {}", s.metric.empty() ? "each case's headline metric" : s.metric),
        fmt::format("verdict   Mann-Whitney p < {:g} over rounds (n: rounds, each one value, its median) and a "
                    "change of at least {}; 95% CI of the ratio of medians by bootstrap over rounds, then samples",
                    s.alpha, format_percent(s.min_effect)),
        "speed-up  how many times faster new is than baseline (> 1: faster): baseline/new for times, "
        "new/baseline for rates",
    };
}

std::vector<const GroupSummary*> summary_groups(const ComparedSet& set) {
    std::vector<const GroupSummary*> all;
    for (const GroupSummary& c : set.categories) all.push_back(&c);
    all.push_back(&set.overall);
    return all;
}

std::string set_title(const ComparedSet& set) {
    return fmt::format("{} vs {} (baseline): {} compared, {} not compared", set.new_name, set.base_name,
                       set.rows.size(), set.not_compared.size());
}

std::string case_title(const ComparedSet& set, const CasePair& pair) {
    const CaseRecord& c = shown_case(pair);
    const std::string axes = set.describe_axes(c);
    return axes.empty() ? c.case_id : fmt::format("{} ({})", c.case_id, axes);
}

}  // namespace perfmatrix
