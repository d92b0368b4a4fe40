#include "orchestrator/cli/plot_inputs.hpp"

#include "orchestrator/cli/case_options.hpp"
#include "results/results_reader.hpp"

#include <fmt/format.h>

#include <cstdio>

namespace perfmatrix {

void load_plot_inputs(const PlotOptions& args, PlotInputs& in) {
    in.results = read_results(args.results, &in.note);
    if (!in.note.empty()) fmt::print(stderr, "{}\n", in.note);
    keep_selected(in.results, args.selection, args.results);
    in.comparison = comparison_for_plots({args.results, &in.results, in.note}, args.axis, args.baseline);
    in.plots = build_plot_set(in.results, in.comparison ? &*in.comparison : nullptr);
}

}  // namespace perfmatrix
