#pragma once
// The options of `perfmatrix compare` (compare_command.cpp registers them).

#include "orchestrator/job/selection.hpp"

#include <optional>
#include <string>
#include <vector>

namespace perfmatrix {

struct CompareOptions {
    std::vector<std::string> files;  // the baseline first; one file with --axis
    std::string axis, baseline;      // compare values of one axis within a file
    std::string metric;              // empty: each case's headline metric
    double alpha = 0.05;
    double min_effect_pct = 2.0;  // in percent, like the gate thresholds
    std::optional<double> fail_if_slower_pct;
    std::optional<double> fail_if_geomean_slower_pct;
    std::string format = "table";
    std::string output;   // empty: standard output
    Selection selection;  // -k, --benchmark, --category: the cases compared, on every side
};

}  // namespace perfmatrix
