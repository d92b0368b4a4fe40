// Report sections 3-5: cases that did not run well, noisy cases, and the counts.

#include "analysis/report/report_sections.hpp"
#include "analysis/stats/noise_warnings.hpp"
#include "analysis/text/text.hpp"
#include "analysis/text/units.hpp"
#include "measure/system/system_judgement.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>  // fmt::join moved here in fmt 11

namespace perfmatrix {

namespace {

// Wide enough for an exit code plus the gist of a stderr line, narrow enough for one line.
constexpr std::size_t reason_width = 100;

std::string case_name(const BenchmarkView& b, const CaseRecord& c) {
    const std::string axes = b.describe_axes(c);
    return axes.empty() ? c.case_id : fmt::format("{} ({})", c.case_id, axes);
}

std::string problem_line(const BenchmarkView& b, const CaseRecord& c) {
    const std::string reason = elide_middle(flatten_lines(c.reason), reason_width);
    return fmt::format("  {}  {}{}\n", case_name(b, c), c.status, reason.empty() ? "" : ": " + reason);
}

// What is wrong with one metric of one case, or "" when nothing is.
std::string noise_finding(const MetricStats& m, std::size_t i, const ReportSettings& opt) {
    const std::optional<Summary>& s = m.summaries[i];
    if (!s) return fmt::format("{}: no measured samples", m.metric);
    // The rules are noise_warnings.hpp's (one implementation for report and compare); the
    // report names only spread and sample count, with its own thresholds, as its heading says.
    NoiseThresholds limits;
    limits.max_cv = opt.noisy_cv;
    limits.min_samples = opt.min_samples;
    const NoiseWarnings w = noise_warnings(*s, m.better[i], is_duration_unit(m.units[i]), limits);
    std::vector<std::string> issues;
    if (w.high_cv) issues.push_back(fmt::format("CV {} > {}", format_percent(s->cv), format_percent(opt.noisy_cv)));
    if (w.too_few_samples)
        issues.push_back(fmt::format("only {} sample{} (< {})", s->n, s->n == 1 ? "" : "s", opt.min_samples));
    if (issues.empty()) return {};
    return fmt::format("{}: {}; median {}, MAD {}, n={}", m.metric, fmt::join(issues, ", "),
                       format_value(s->median, m.units[i]), format_value(s->mad, m.units[i]), s->n);
}

struct Counts {
    std::size_t total = 0, ok = 0, skipped = 0, unschedulable = 0;
};

Counts count_statuses(const std::vector<BenchmarkView>& views) {
    Counts n;
    for (const BenchmarkView& b : views)
        for (const CaseRecord* c : b.cases) {
            ++n.total;
            if (c->status == status::ok) ++n.ok;
            if (c->status == status::unschedulable) ++n.unschedulable;
            if (c->status == status::skipped) ++n.skipped;
        }
    return n;
}

}  // namespace

std::string render_system_warnings(const Results& r) {
    std::string lines;
    for (const RankRecord* rr : ranks_of(r, latest_rank_invocation(r)))
        for (const SystemAdvice& a : judge_system_state(rr->info.environment))
            if (a.severity == SystemSeverity::warning)
                lines += fmt::format("  rank {} (node {} {}): {}\n", rr->rank, rr->node, rr->info.host, a.text);
    if (lines.empty()) return {};
    return "system settings that make numbers unstable (`perfmatrix system` shows them now)\n" + lines;
}

std::string render_problems(const std::vector<BenchmarkView>& views) {
    std::string lines;
    std::size_t count = 0;
    for (const BenchmarkView& b : views)
        for (const CaseRecord* c : b.cases)
            if (c->status != status::ok) {
                lines += problem_line(b, *c);
                ++count;
            }
    if (count == 0) return {};
    return fmt::format("failed, timed-out, skipped and unschedulable cases ({})\n", count) + lines;
}

std::string render_noise(const std::vector<BenchmarkStats>& benchmarks, const ReportSettings& opt) {
    std::string lines;
    for (const BenchmarkStats& b : benchmarks)
        for (const MetricStats& m : b.metrics) {
            for (std::size_t i = 0; i < b.view->cases.size(); ++i) {
                const CaseRecord& c = *b.view->cases[i];
                // Cases that did not end ok are listed above with their reason already.
                if (c.status != status::ok) continue;
                if (std::string finding = noise_finding(m, i, opt); !finding.empty())
                    lines += fmt::format("  {}: {}\n", case_name(*b.view, c), finding);
            }
        }
    if (lines.empty()) return {};
    return fmt::format("noise warnings (CV > {} or fewer than {} samples)\n", format_percent(opt.noisy_cv),
                       opt.min_samples) +
           lines;
}

std::string render_round_spread(const std::vector<BenchmarkStats>& benchmarks) {
    std::string lines;
    for (const BenchmarkStats& b : benchmarks)
        for (const MetricStats& m : b.metrics)
            for (std::size_t i = 0; i < b.view->cases.size(); ++i) {
                const CaseRecord& c = *b.view->cases[i];
                const auto& s = m.spreads[i];
                if (c.status != status::ok || !s || !s->dominated_by_between) continue;
                lines += fmt::format("  {}: {}: {}\n", case_name(*b.view, c), m.metric, s->warning);
            }
    if (lines.empty()) return {};
    return "rounds that disagree (marked ! in the tables: between-round variance exceeds within-round variance)\n" +
           lines;
}

std::string render_totals(const Results& r, const std::vector<BenchmarkView>& views, const ReportSettings& opt) {
    const Counts n = count_statuses(views);
    const std::size_t planned = r.meta.planned_cases > 0 ? static_cast<std::size_t>(r.meta.planned_cases) : 0;
    const std::size_t missing = planned > n.total ? planned - n.total : 0;
    // Skipped is not failed: the case could not apply here (e.g. no torch wheel for an interpreter).
    std::string out = fmt::format("{} cases: {} ok, {} failed, {} skipped, {} unschedulable; {} planned, {} missing\n",
                                  n.total, n.ok, n.total - n.ok - n.skipped - n.unschedulable, n.skipped,
                                  n.unschedulable, planned, missing);
    if (missing > 0)
        out += fmt::format(
            "{} planned case{} never finished (interrupted run?): continue with "
            "`perfmatrix run --resume {} -o {}`\n",
            missing, missing == 1 ? "" : "s", r.meta.job_path.empty() ? "<job file>" : r.meta.job_path,
            opt.results_path.empty() ? "<this results file>" : opt.results_path);
    return out;
}

}  // namespace perfmatrix
