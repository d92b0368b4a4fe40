#pragma once
// `perfmatrix compare` as data: which files were read, and per comparison (a further file
// against the baseline file, or an axis value against the baseline value) every case pair
// with its verdict, the pairs that could not be compared, and the summaries. The formats
// (compare_formats.hpp) only render this.

#include "analysis/compare/case_comparison.hpp"
#include "analysis/compare/compare_summary.hpp"
#include "analysis/view/axis_labels.hpp"
#include "analysis/view/case_loader.hpp"
#include "measure/model/records.hpp"

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace perfmatrix {

// A results file as read: the reader's note (recovered, being written) travels with it.
struct ResultsSource {
    std::string path;
    const Results* results = nullptr;
    std::string note;
    std::size_t runs = 1;  // > 1: a directory of runs, combined (run_replicates.hpp)
    // Where its cases' samples come from: empty when the records hold them (case_loader.hpp).
    // Pairs are compared grouped by baseline case, each side loaded once per comparison.
    CaseLoader samples{};
};

struct SourceInfo {
    std::string path, job_path, job_hash, tool_version, note;
    std::size_t cases = 0;    // distinct committed case ids
    std::size_t runs = 1;     // runs whose medians are the samples (1: a single file)
    int planned = 0;          // cases the job expanded to
    std::string last_status;  // of the last invocation ("completed", "interrupted", ...)
    // Fewer cases than planned, or a last run that did not complete: the comparison covers
    // what the file holds, and says so.
    bool partial = false;
};

SourceInfo describe_source(const ResultsSource& source);

// A pair that has no comparison: a side missing, or a side whose status is not ok.
struct NotCompared {
    CasePair pair;
    std::string why;  // one line: "only in the baseline file", "new: timeout: …"
};

struct ComparedSet {
    std::string base_name, new_name;           // file paths, or "python=3.11" / "python=3.12"
    std::string hidden_axis;                   // the compared axis (axis mode): not repeated per case
    std::map<std::string, AxisLabels> labels;  // short texts of long axis values, per axis
    std::vector<CaseComparison> rows;          // pairs with both sides ok, in report order
    std::vector<NotCompared> not_compared;
    std::vector<GroupSummary> categories;
    GroupSummary overall;
    std::vector<std::size_t> improvements, regressions;  // indices into rows, largest first

    // "n=1, python=3.12.1" with short labels, without hidden_axis; "" when nothing is left.
    std::string describe_axes(const CaseRecord& c) const;
    // The legend lines of shortened axis values ("python: /root/.pyenv/versions/…/bin/python"),
    // the compared axis included (the set names use its short labels).
    std::vector<std::string> legend() const;
};

// The side a pair is shown by: the new case when there is one (its id and axes), else the base.
const CaseRecord& shown_case(const CasePair& pair);

struct CompareReport {
    CompareSettings settings;
    std::vector<SourceInfo> sources;  // the baseline file first
    std::string axis, baseline;       // axis mode only: the axis and the baseline's stored value
    std::size_t cases_without_axis = 0;
    std::vector<ComparedSet> sets;  // one per further file, or per other value of the axis
};

// files[0] is the baseline; each further file is compared with it by case id (>= 2 files,
// std::invalid_argument otherwise).
CompareReport compare_files(const std::vector<ResultsSource>& files, const CompareSettings& settings);
// Values of one axis within one file (axis_matching.hpp; std::invalid_argument on a bad axis
// or baseline).
CompareReport compare_axis(const ResultsSource& file, const std::string& axis, const std::string& baseline,
                           const CompareSettings& settings);

}  // namespace perfmatrix
