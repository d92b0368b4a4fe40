#pragma once
// A case's measured values of one metric, sorted once and kept: a comparison by axis meets
// the baseline case once per other value, and the test, the interval and the noise check
// each need the sorted values. Sorting is the costliest step of analysing a large file.

#include "measure/model/records.hpp"

#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace perfmatrix {

struct MeasuredSamples {
    std::vector<double> sorted;               // measured_values (case_metrics.hpp), ascending; empty: none
    double first = 0;                         // the first of them in measured order
    std::vector<std::vector<double>> rounds;  // measured_by_round (round_samples.hpp)
    std::vector<double> round_medians;        // of those rounds, ascending
};

// Safe to share between threads (pairs are compared in parallel): each entry is computed
// once, by the first thread that asks. The records must outlive it (it keys on addresses).
class MeasuredCache {
public:
    const MeasuredSamples& of(const CaseRecord& c, const std::string& metric);

private:
    struct Entry {
        std::once_flag computed;
        MeasuredSamples samples;
    };
    std::mutex mutex_;  // guards the map's structure, not the entries
    std::map<std::pair<const CaseRecord*, std::string>, Entry> cache_;
};

}  // namespace perfmatrix
