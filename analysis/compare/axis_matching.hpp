#pragma once
// Matching within one results file along one axis: `perfmatrix compare r.h5 --axis python
// --baseline 3.11` compares each case whose python value is not the baseline with the case
// of the same benchmark and the same values on every other axis (and no other axes) whose
// python value is the baseline.

#include "analysis/compare/case_matching.hpp"
#include "measure/model/records.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace perfmatrix {

// The cases of one non-baseline value, each against its baseline counterpart.
struct AxisValueMatch {
    std::string value;  // the axis value compared to the baseline, as stored
    // The baseline's cases in report order, each with its counterpart or none (null), then the
    // value's cases that have no baseline case.
    std::vector<CasePair> pairs;
};

struct AxisMatching {
    std::string axis;
    std::string baseline;                // the stored value the --baseline text resolved to
    std::vector<AxisValueMatch> values;  // one per other value, in order of first appearance
    std::size_t cases_without_axis = 0;  // cases of the file not on this axis: not compared
};

// The axis's value that `wanted` names: the stored value itself, else the one whose short
// column label (axis_labels.hpp: "3.11.7" for a pyenv path) is `wanted`, else the one whose
// label starts with `wanted` followed by '.' ("3.11" -> "3.11.7").
// Throws std::invalid_argument when none or several match, listing the values.
std::string resolve_axis_value(const std::string& axis, const std::vector<std::string>& values,
                               const std::string& wanted);

// Throws std::invalid_argument naming the axis when no case has it, or from
// resolve_axis_value, or when the baseline is the axis's only value.
AxisMatching match_by_axis(const Results& r, const std::string& axis, const std::string& baseline);

}  // namespace perfmatrix
