#pragma once
// What `perfmatrix plot` and `report --html` draw from: the results file, the comparison of
// --axis/--baseline (or of the default axis), and the plots' data.

#include "analysis/compare/compare_report.hpp"
#include "analysis/plot/plot_data.hpp"
#include "measure/model/records.hpp"
#include "orchestrator/cli/commands.hpp"

#include <optional>
#include <string>

namespace perfmatrix {

struct PlotInputs {
    Results results;
    std::string note;                         // the reader's note on the file, printed already
    std::optional<CompareReport> comparison;  // none when no axis has two or more values
    PlotSet plots;
};

// Fills `in` (filled in place rather than returned: the comparison points into in.results).
// Throws std::invalid_argument for a bad --axis or --baseline, std::runtime_error when the
// file cannot be read.
void load_plot_inputs(const PlotOptions& args, PlotInputs& in);

}  // namespace perfmatrix
