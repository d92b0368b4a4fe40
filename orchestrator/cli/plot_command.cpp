// `perfmatrix plot r.h5 --out-dir DIR`: the plots as PNG and/or SVG files.

#include "analysis/plot/plot_data.hpp"
#include "orchestrator/cli/commands.hpp"
#include "orchestrator/cli/plot_inputs.hpp"
#include "orchestrator/cli/plot_rendering.hpp"
#include "results/results_reader.hpp"

#include <fmt/format.h>

#include <exception>
#include <stdexcept>

namespace perfmatrix {

int plot_command(const PlotArgs& args) {
    const auto format = parse_plot_format(args.format);
    if (!format) {
        fmt::print(stderr, "perfmatrix plot: --format expects png, svg or both, got '{}'\n", args.format);
        return exit_code::bad_input;
    }
    try {
        PlotInputs in;
        try {
            load_plot_inputs(args, in);
        } catch (const std::invalid_argument& e) {
            fmt::print(stderr, "perfmatrix plot: {}\n", e.what());  // a bad --axis or --baseline
            return exit_code::bad_input;
        }
        const PlotSet& plots = in.plots;
        if (plots.count() == 0) {
            fmt::print(stderr, "perfmatrix plot: {} has no measured samples to plot\n", args.results);
            return exit_code::failure;
        }
        for (const auto& path : draw_plots(plots, args.out_dir, *format)) fmt::print("{}\n", path.string());
        return exit_code::ok;
    } catch (const std::exception& e) {
        fmt::print(stderr, "perfmatrix plot: {}\n", e.what());
        return exit_code::failure;
    }
}

}  // namespace perfmatrix
