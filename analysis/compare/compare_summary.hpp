#pragma once
// Summaries of many case comparisons: the geometric mean of speed-ups per category and
// overall (geometric_mean.hpp, with its t interval over the cases), verdict counts, and the
// largest significant changes. Only cases with a verdict (faster, slower, no significant
// change) are averaged: a case without one has no trustworthy ratio, and failed or missing
// cases have none at all (the report lists those on their own).

#include "analysis/compare/case_comparison.hpp"
#include "analysis/stats/geometric_mean.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace perfmatrix {

struct GroupSummary {
    std::string name;  // the category, or "overall"
    std::size_t faster = 0, slower = 0, unchanged = 0, no_verdict = 0;
    std::optional<GeometricMean> speedup;  // none when no case has a verdict
    std::size_t averaged() const { return faster + slower + unchanged; }
};

// "startup", "memory", "compute", "async" first (the categories the project defines), then
// any other category in order of first appearance.
std::vector<GroupSummary> summarize_categories(const std::vector<CaseComparison>& rows);
GroupSummary summarize_all(const std::vector<CaseComparison>& rows);

// Indices into rows of the at most `count` cases with verdict `which` (faster or slower),
// the largest change first (by speed-up: highest for faster, lowest for slower).
std::vector<std::size_t> largest_changes(const std::vector<CaseComparison>& rows, Verdict which, std::size_t count);

}  // namespace perfmatrix
