#pragma once
// The words and numbers of a comparison as people read them, shared by the table and the
// markdown format (internal to analysis/). CSV and JSON carry the raw numbers instead.

#include "analysis/compare/compare_report.hpp"

#include <string>
#include <vector>

namespace perfmatrix {

// 1.2345 -> "1.234x" ("x" rather than "×": CI logs and terminals without UTF-8 read it).
std::string format_speedup(double speedup);
// "[0.981, 1.020]"; "-" when there is no interval.
std::string format_interval(std::optional<double> low, std::optional<double> high);
// A p-value at 3 decimals, "<0.001" below.
std::string format_p(double p);
// "faster", "slower", "no significant change", "no verdict: why".
std::string verdict_text(const CaseComparison& row);
// The noise warnings of both sides in a few words ("CV>5% (both), <1 ms (new)"), or "".
std::string noise_text(const CaseComparison& row, const CompareSettings& settings);
// The median of one side, with its unit.
std::string median_text(const CaseComparison& row, bool base);

// What was read: one line per file (path, job, cases of planned, last run, PARTIAL when it
// is), then in axis mode the axis and baseline.
std::vector<std::string> source_lines(const CompareReport& report);
// How to read the numbers: the metric, the verdict rule, the speed-up convention.
std::vector<std::string> reading_lines(const CompareReport& report);
// The categories, then the overall summary: the rows of every summary table.
std::vector<const GroupSummary*> summary_groups(const ComparedSet& set);
// "new.h5 vs base.h5 (baseline): 30 compared, 2 not compared".
std::string set_title(const ComparedSet& set);
// "python-pass/13f7d53b07 (python=3.6.15)", the axes with short labels.
std::string case_title(const ComparedSet& set, const CasePair& pair);

}  // namespace perfmatrix
