#pragma once
// The committed cases of a results file grouped per benchmark, ready to tabulate.

#include "analysis/view/axis_labels.hpp"
#include "measure/model/records.hpp"

#include <string>
#include <vector>

namespace perfmatrix {

class CaseDigests;

struct BenchmarkView {
    std::string name;
    std::string kind;
    std::vector<std::string> axes;         // axis names, in order of first appearance
    std::vector<AxisLabels> labels;        // parallel to axes
    std::vector<const CaseRecord*> cases;  // sorted by axis values (see group_benchmarks)
    std::vector<std::string> metrics;      // every metric with samples, by first appearance
    // Where the cases' metrics and statistics come from when their records hold no samples
    // (case_digest.hpp); null: from the records' samples.
    const CaseDigests* digests = nullptr;

    // The column text of the case's value on axes[axis] ("-" when the case lacks the axis).
    std::string axis_label(const CaseRecord& c, std::size_t axis) const;
    // "python=3.12.1, args=-c pass" with column texts; "" for a case without axes.
    std::string describe_axes(const CaseRecord& c) const;
};

// One record per case id: the last one in the file, since a later invocation's record of
// a case supersedes an earlier one.
std::vector<const CaseRecord*> latest_records(const Results& r);

// Benchmarks in order of first appearance. Within one, cases are ordered by their axis
// values, each axis's values ranked by first appearance: rows then group the way the matrix
// was declared even though parallel workers and --resume commit cases out of order.
// With `digests` (of every latest record), metrics come from those and the views keep them.
std::vector<BenchmarkView> group_benchmarks(const Results& r, const CaseDigests* digests = nullptr);

}  // namespace perfmatrix
