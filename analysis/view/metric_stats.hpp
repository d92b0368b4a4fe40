#pragma once
// Statistics of one metric for every case of a benchmark, computed once and shared by the
// tables and the noise warnings (summaries sort every case's samples: not free).

#include "analysis/stats/round_spread.hpp"
#include "analysis/stats/statistics.hpp"
#include "analysis/view/benchmark_view.hpp"

#include <optional>
#include <string>
#include <vector>

namespace perfmatrix {

struct MetricStats {
    std::string metric;
    std::string unit;                               // of the first case that has samples of it
    std::vector<std::string> units;                 // parallel to BenchmarkView::cases
    std::vector<Better> better;                     // parallel too: which way each case's improves
    std::vector<std::optional<Summary>> summaries;  // parallel too; empty: no measured samples
    // Between and within its rounds (round_spread.hpp); empty: fewer than two rounds with samples.
    std::vector<std::optional<RoundSpread>> spreads;
};

MetricStats compute_metric_stats(const BenchmarkView& b, const std::string& metric);

}  // namespace perfmatrix
