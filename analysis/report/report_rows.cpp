#include "analysis/report/report_rows.hpp"

#include "analysis/report/report_sections.hpp"
#include "analysis/view/case_category.hpp"

namespace perfmatrix {

std::vector<ReportStatistic> report_statistics(const ReportRow& row) {
    const auto& s = row.summary;
    const auto& ci = s ? s->median_ci : std::nullopt;
    const auto& spread = row.spread;
    auto of = [&](double Summary::*field) { return s ? std::optional<double>((*s).*field) : std::nullopt; };
    auto count = [&](std::size_t v) { return s ? std::optional<double>(static_cast<double>(v)) : std::nullopt; };
    return {
        {"n", static_cast<double>(s ? s->n : 0), true},
        {"median", of(&Summary::median)},
        {"median_ci_low", ci ? std::optional<double>(ci->lower) : std::nullopt},
        {"median_ci_high", ci ? std::optional<double>(ci->upper) : std::nullopt},
        {"median_ci_coverage", ci ? std::optional<double>(ci->coverage) : std::nullopt},
        {"mean", of(&Summary::mean)},
        {"stddev", of(&Summary::stddev)},
        {"cv", of(&Summary::cv)},
        {"mad", of(&Summary::mad)},
        {"iqr", of(&Summary::iqr)},
        {"min", of(&Summary::min)},
        {"max", of(&Summary::max)},
        {"p5", of(&Summary::p5)},
        {"p95", of(&Summary::p95)},
        {"outliers_modified_z", count(s ? s->outliers.modified_z_count : 0), true},
        {"outliers_tukey", count(s ? s->outliers.tukey_count : 0), true},
        {"outliers_tukey_far", count(s ? s->outliers.tukey_far_count : 0), true},
        {"rounds", static_cast<double>(row.record ? row.record->rounds.size() : 0), true},
        {"between_relative_mad", spread ? std::optional<double>(spread->between_relative_mad) : std::nullopt},
        {"within_relative_mad", spread ? std::optional<double>(spread->within_relative_mad) : std::nullopt},
    };
}

std::vector<ReportRow> report_rows(const Results& r, const ReportSettings& settings) {
    std::vector<ReportRow> out;
    const CaseDigests digests = digest_cases(r, settings);
    for (const BenchmarkView& b : group_benchmarks(r, &digests)) {
        std::vector<MetricStats> stats;
        for (const std::string& metric : table_metrics(b, settings)) stats.push_back(compute_metric_stats(b, metric));
        for (std::size_t i = 0; i < b.cases.size(); ++i) {
            for (const MetricStats& m : stats) {
                // A case without samples of the metric takes the unit the others measured it in.
                const std::string& unit = m.units[i].empty() ? m.unit : m.units[i];
                out.push_back({b.cases[i], case_category(*b.cases[i]), m.metric, unit, m.better[i], m.summaries[i],
                               m.spreads[i]});
            }
        }
    }
    return out;
}

}  // namespace perfmatrix
