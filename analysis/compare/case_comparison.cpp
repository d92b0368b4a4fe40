#include "analysis/compare/case_comparison.hpp"

#include "analysis/report/report.hpp"
#include "analysis/stats/hierarchical_bootstrap.hpp"
#include "analysis/stats/statistics.hpp"
#include "analysis/text/units.hpp"
#include "analysis/view/case_category.hpp"
#include "analysis/view/case_metrics.hpp"
#include "results/metric_of.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>  // fmt::join moved here in fmt 11

#include <algorithm>

namespace perfmatrix {

namespace {

bool has_samples(const CaseRecord& c, const std::string& metric) {
    return std::any_of(c.samples.begin(), c.samples.end(),
                       [&](const Sample& s) { return !s.warmup && s.metric == metric; });
}

NoiseWarnings noise_of(const MeasuredSamples& m, const CaseComparison& row, const CompareSettings& s) {
    if (m.sorted.empty()) return {};
    NoiseThresholds limits = s.noise;
    limits.min_samples = s.min_samples;
    return noise_warnings(summarize_sorted(m.sorted, m.first), row.better, is_duration_unit(row.unit), limits);
}

std::string unit_of(const CaseRecord& base, const CaseRecord& fresh, const std::string& metric) {
    std::string unit = metric_unit(base, metric);
    return unit.empty() ? metric_unit(fresh, metric) : unit;
}

// Why a requested metric cannot be compared, naming what the cases do have.
std::string absent_metric_reason(const CaseRecord& base, const CaseRecord& fresh, const std::string& metric) {
    const CaseRecord& lacking = has_samples(base, metric) ? fresh : base;
    const std::vector<std::string> present = metrics_present({&lacking});
    return fmt::format("no samples of {} in the {} case (it has: {})", metric, &lacking == &base ? "baseline" : "new",
                       present.empty() ? "none" : fmt::format("{}", fmt::join(present, ", ")));
}

}  // namespace

Speedup speedup_of(const RatioCi& ratio, Better better) {
    if (better == Better::higher) return {ratio.ratio, ratio.low, ratio.high};
    return {1 / ratio.ratio, 1 / ratio.high, 1 / ratio.low};
}

double slowdown_of(double speedup) { return 1 / speedup - 1; }

std::string compared_metric(const CaseRecord& base, const CaseRecord& fresh, const std::string& requested) {
    if (!requested.empty()) return requested;
    std::vector<std::string> candidates = headline_metrics(base);
    for (std::string& m : headline_metrics(fresh)) candidates.push_back(std::move(m));
    // The per-operation time every batch kind records, where neither side has a headline.
    candidates.push_back("time");
    for (const std::string& m : candidates)
        if (has_samples(base, m) && has_samples(fresh, m)) return m;
    return {};
}

CaseComparison compare_pair(const CasePair& pair, const CompareSettings& settings, MeasuredCache& measured) {
    return compare_pair(pair, settings, measured, measured);
}

CaseComparison compare_pair(const CasePair& pair, const CompareSettings& settings, MeasuredCache& base_measured,
                            MeasuredCache& new_measured) {
    const CaseRecord& base = *pair.base;
    const CaseRecord& fresh = *pair.fresh;
    CaseComparison row;
    row.pair = pair;
    row.category = case_category(fresh);
    row.metric = compared_metric(base, fresh, settings.metric);
    if (row.metric.empty()) {
        row.comparison.reason = "no headline metric that both cases have (use --metric)";
        return row;
    }
    row.unit = unit_of(base, fresh, row.metric);
    row.better = metric_of(base, row.metric, row.unit).better;
    if (!has_samples(base, row.metric) || !has_samples(fresh, row.metric)) {
        row.comparison.reason = absent_metric_reason(base, fresh, row.metric);
        return row;
    }
    ComparisonSettings options;
    options.better = row.better;
    options.alpha = settings.alpha;
    options.min_effect = settings.min_effect;
    options.min_samples = settings.min_samples;
    options.sample_name = "round";
    const MeasuredSamples &a = base_measured.of(base, row.metric), &b = new_measured.of(fresh, row.metric);
    // Rounds are the unit of replication: the test and the point estimate take one value per
    // round, its median, since samples within a round share one process and one moment.
    row.comparison = compare_sorted(a.round_medians, b.round_medians, options);
    // The interval resamples rounds, then samples within each drawn round (hierarchical_bootstrap.hpp),
    // so it is as wide as the rounds' disagreement makes it; its point is the ratio of the pooled
    // medians, the statistic its replicates compute, so the point always lies inside it.
    if (row.comparison.ratio) {
        row.comparison.ratio = hierarchical_median_ratio_ci(a.rounds, b.rounds);
        row.comparison.median_base = quantile_of_sorted(a.sorted, 0.5);
        row.comparison.median_new = quantile_of_sorted(b.sorted, 0.5);
        row.comparison.verdict = row.comparison.reason.empty()
                                     ? judge(row.comparison.ratio->ratio, row.comparison.test->p_value, options)
                                     : Verdict::no_verdict;
    }
    if (row.comparison.ratio) row.speedup = speedup_of(*row.comparison.ratio, row.better);
    row.base_noise = noise_of(a, row, settings);
    row.new_noise = noise_of(b, row, settings);
    return row;
}

}  // namespace perfmatrix
