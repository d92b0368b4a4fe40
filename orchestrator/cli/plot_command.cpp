// `perfmatrix plot r.h5 --out-dir DIR`: the plots as PNG and/or SVG files.

#include "analysis/plot/plot_data.hpp"
#include "orchestrator/cli/command_errors.hpp"
#include "orchestrator/cli/commands.hpp"
#include "orchestrator/cli/plot_inputs.hpp"
#include "orchestrator/cli/plot_rendering.hpp"
#include "results/results_reader.hpp"

#include <fmt/format.h>

#include <exception>
#include <stdexcept>

namespace perfmatrix {

int plot_command(const PlotOptions& args) {
    const auto format = parse_plot_format(args.format);
    if (!format) {
        fmt::print(stderr, "perfmatrix plot: --format expects png, svg or both, got '{}'\n", args.format);
        return exit_code::bad_input;
    }
    return run_reporting_errors("plot", [&] {
        PlotInputs in;
        load_plot_inputs(args, in);  // throws std::invalid_argument for a bad --axis or --baseline
        const PlotSet& plots = in.plots;
        if (plots.count() == 0) {
            fmt::print(stderr, "perfmatrix plot: {} has no measured samples to plot\n", args.results);
            return exit_code::failure;
        }
        for (const auto& path : draw_plots(plots, args.out_dir, *format)) fmt::print("{}\n", path.string());
        return exit_code::ok;
    });
}

Subcommand register_plot(CLI::App& app) {
    auto opt = std::make_shared<PlotOptions>();
    CLI::App* cmd = app.add_subcommand(
        "plot",
        "Draw plots of a results file (matplotlib): speed-up summary, heatmap and forests, distributions, "
        "timelines, throughput, import times");
    add_results_file(*cmd, opt->results);
    cmd->add_option("--out-dir", opt->out_dir, "Directory for the plot files (created if missing)")->required();
    cmd->add_option("--format", opt->format, "png | svg | both (default png)")
        ->check(CLI::IsMember({"png", "svg", "both"}));
    cmd->add_option("--axis", opt->axis,
                    "Axis the speed-up plots compare along and the distributions put side by side (default: python, "
                    "else the first that varies)");
    cmd->add_option("--baseline", opt->baseline,
                    "The value of --axis the others are compared with (default: its first)");
    return {cmd, [opt] { return plot_command(*opt); }};
}

}  // namespace perfmatrix
