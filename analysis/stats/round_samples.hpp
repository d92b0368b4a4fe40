#pragma once
// A case's measured values grouped by round: rounds, not samples, are the unit of replication
// of a comparison (docs/comparing.md), since the samples of one round share its
// process, memory layout and moment.

#include "measure/model/records.hpp"

#include <string_view>
#include <vector>

namespace perfmatrix {

// The metric's measured values (measured_values' rule: no warm-ups, no NaN) of each round that
// has any, in round order, each sorted ascending.
std::vector<std::vector<double>> measured_by_round(const CaseRecord& c, std::string_view metric);

// The median of each of those rounds, sorted ascending: what a comparison tests.
std::vector<double> round_medians(const std::vector<std::vector<double>>& sorted_rounds);

}  // namespace perfmatrix
