#pragma once
// The samples of one case, by metric, as statistics see them.

#include "measure/model/records.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace perfmatrix {

// Values of the metric's measured samples; warm-ups are left out (they are kept raw in the
// file only to show start-up effects), and so are NaNs (a value that was not measured; it
// has no order, and one must not take the whole report down).
std::vector<double> measured_values(const CaseRecord& c, std::string_view metric);
// The unit of the metric's samples in this case ("" when it has none).
std::string metric_unit(const CaseRecord& c, std::string_view metric);
// Every metric with at least one sample in these cases, in order of first appearance.
std::vector<std::string> metrics_present(const std::vector<const CaseRecord*>& cases);

// How the metric reads in this case: as the file describes it, or its kind declares it
// (results/metric_of.hpp), with the unit of its samples.
MetricSpec metric_spec(const CaseRecord& c, std::string_view metric);
// The case's headline metrics that it has samples of, in headline order.
std::vector<std::string> headline_metrics(const CaseRecord& c);
// Every headline metric any of these cases has samples of, in headline order (ties: first
// appearance).
std::vector<std::string> headline_metrics(const std::vector<const CaseRecord*>& cases);

}  // namespace perfmatrix
