#pragma once
// The text report of a results file: what `perfmatrix report results.h5` prints.

#include "analysis/view/case_loader.hpp"
#include "measure/model/records.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace perfmatrix {

struct ReportSettings {
    // One table per metric per benchmark. Empty: the headline metrics the benchmark has (as
    // the file describes its metrics: case_metrics.hpp); named: those, and a note where a
    // benchmark lacks one.
    std::vector<std::string> metrics{};
    bool all_metrics = false;     // every metric present instead
    double noisy_cv = 0.10;       // warn when a case's CV is above this
    std::size_t min_samples = 5;  // warn when a case has fewer samples
    std::string results_path{};   // named in the --resume hint, if known
    // Where the cases' samples come from: empty when the records hold them; samples_from(...)
    // for records read by case (case_loader.hpp), whose samples are then read a case at a time.
    CaseLoader samples{};
};

// Header (job, invocations, ranks, environment), one table per benchmark and metric,
// failed/unschedulable cases, noise warnings, and the case counts. Statistics use measured
// samples only (no warm-ups) of the last committed record of each case id.
std::string render_report(const Results& r, const ReportSettings& opt);

}  // namespace perfmatrix
