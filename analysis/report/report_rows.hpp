#pragma once
// The report as data: one row per case and tabulated metric, what `report --format csv|json|
// markdown` print. The same cases, metrics and statistics as the text report's tables.

#include "analysis/report/report.hpp"
#include "analysis/stats/round_spread.hpp"
#include "analysis/stats/statistics.hpp"
#include "measure/model/kind.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace perfmatrix {

struct ReportRow {
    const CaseRecord* record = nullptr;  // the last committed record of the case id
    std::string category;
    std::string metric;
    std::string unit;
    Better better = Better::lower;
    std::optional<Summary> summary;     // none: no measured samples (a failed case)
    std::optional<RoundSpread> spread;  // none: fewer than two rounds with samples
};

// A row's statistics as (field, value) in the documented order (docs/usage.md); no value where a
// statistic does not exist (no samples; no median CI under 6 samples; no round spread under two
// rounds). CSV columns and JSON fields are these names; a default ReportRow gives them all.
struct ReportStatistic {
    const char* name;
    std::optional<double> value;
    bool count = false;  // a whole number (n, outlier counts, rounds)
};
std::vector<ReportStatistic> report_statistics(const ReportRow& row);

// Benchmarks in order of first appearance, cases in their table order, each case's metrics in
// table order (table_metrics: the headline ones unless settings name others).
std::vector<ReportRow> report_rows(const Results& r, const ReportSettings& settings);

}  // namespace perfmatrix
