#pragma once
// What `perfmatrix report` needs of each case's samples, taken in one pass over them: the
// metrics they hold and the statistics of those the tables will show. The samples are then
// dropped, so a report of a file of any size holds one case's samples per thread
// (case_loader.hpp).

#include "analysis/stats/round_spread.hpp"
#include "analysis/stats/statistics.hpp"
#include "analysis/view/case_loader.hpp"

#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace perfmatrix {

// The statistics of one metric of one case, as compute_metric_stats (metric_stats.hpp) takes them.
struct MetricSummary {
    std::optional<Summary> summary;     // none: no measured values
    std::optional<RoundSpread> spread;  // none: fewer than two rounds, or a value <= 0
};

struct MetricDigest {
    std::string name;
    std::string unit;                    // of its first sample (metric_unit)
    MetricSpec spec;                     // metric_of(case, name, unit)
    std::optional<MetricSummary> stats;  // none when the metric was not wanted (see CaseDigests)
};

struct CaseDigest {
    std::vector<MetricDigest> metrics;  // every metric with a sample, in order of first appearance
    const MetricDigest* find(std::string_view metric) const;
};

// The statistics of `metric` from a case's samples (the record as loaded).
MetricSummary summarize_metric(const CaseRecord& loaded, std::string_view metric);

// Which metrics of a case to summarise while its samples are at hand, given all of them.
using WantedMetrics = std::function<bool(const CaseDigest& all, const MetricDigest& metric)>;

// The digests of a set of cases, taken in parallel, each case loaded once. A statistic asked
// for that was not wanted is computed then, loading the case again: a guess that missed costs
// time, never a wrong number.
class CaseDigests {
public:
    CaseDigests(const std::vector<const CaseRecord*>& cases, CaseLoader load, const WantedMetrics& wanted);

    // Throws std::logic_error for a case that was not among `cases`.
    const CaseDigest& of(const CaseRecord& c) const;
    // The metric's statistics for the case; a case without samples of it has neither statistic.
    MetricSummary stats(const CaseRecord& c, const std::string& metric) const;

private:
    CaseLoader load_;
    std::unordered_map<const CaseRecord*, CaseDigest> digests_;
    mutable std::mutex late_;  // guards late_stats_
    mutable std::unordered_map<const CaseRecord*, std::unordered_map<std::string, MetricSummary>> late_stats_;
};

// Every metric with at least one sample in these cases, in order of first appearance
// (case_metrics.hpp's metrics_present, from the digests).
std::vector<std::string> metrics_present(const std::vector<const CaseRecord*>& cases, const CaseDigests& digests);
// Every headline metric any of these cases has samples of, in headline order (ties: first
// appearance), as case_metrics.hpp's headline_metrics.
std::vector<std::string> headline_metrics(const std::vector<const CaseRecord*>& cases, const CaseDigests& digests);

}  // namespace perfmatrix
