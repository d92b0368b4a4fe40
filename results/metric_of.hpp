#pragma once
// How a case's metric reads: its unit, which way is better, whether it is a headline figure.

#include "measure/model/records.hpp"

#include <string_view>

namespace perfmatrix {

// As the record says (a file's own description, read back), else as its kind declares it
// (describe_metric: a record built before it was written).
MetricSpec metric_of(const CaseRecord& c, std::string_view metric, std::string_view unit);

}  // namespace perfmatrix
