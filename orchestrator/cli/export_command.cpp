// `perfmatrix export`: a results file in another tool's JSON format (pyperf, Google Benchmark).

#include "analysis/export/export_gbench.hpp"
#include "analysis/export/export_pyperf.hpp"
#include "orchestrator/cli/case_options.hpp"
#include "orchestrator/cli/command_errors.hpp"
#include "orchestrator/cli/commands.hpp"
#include "orchestrator/cli/text_output.hpp"
#include "results/results_reader.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <exception>
#include <fstream>
#include <stdexcept>

namespace perfmatrix {

namespace {

ExportOutput render_export(const Results& r, const ExportOptions& args) {
    const ExportSettings opt{.metric = args.metric};
    if (args.format == "pyperf") return export_pyperf(r, opt);
    if (args.format == "gbench") return export_gbench(r, opt);
    throw std::invalid_argument(fmt::format("--format expects pyperf or gbench, got '{}'", args.format));
}

// What did not go out is said on stderr, so a user never mistakes a partial export for all.
void report_left_out(const ExportOutput& e) {
    if (e.left_out.empty()) return;
    fmt::print(stderr, "perfmatrix export: {} case{} left out:\n", e.left_out.size(),
               e.left_out.size() == 1 ? "" : "s");
    for (const std::string& line : e.left_out) fmt::print(stderr, "  {}\n", line);
}

}  // namespace

int export_command(const ExportOptions& args) {
    return run_reporting_errors("export", [&] {
        Results r = read_results_noting(args.results_path);
        keep_selected(r, args.selection, args.results_path);
        const ExportOutput e = render_export(r, args);
        report_left_out(e);
        if (e.exported == 0) {
            fmt::print(stderr, "perfmatrix export: nothing to export from {}\n", args.results_path);
            return exit_code::failure;
        }
        write_text_output(e.text, args.output);
        return exit_code::ok;
    });
}

Subcommand register_export(CLI::App& app) {
    auto opt = std::make_shared<ExportOptions>();
    CLI::App* cmd = app.add_subcommand("export", "Write a results file as pyperf's or Google Benchmark's JSON");
    add_results_file(*cmd, opt->results_path);
    cmd->add_option("--format", opt->format, "pyperf | gbench")->required()->check(CLI::IsMember({"pyperf", "gbench"}));
    cmd->add_option("-o,--output", opt->output, "Write to this file instead of standard output");
    cmd->add_option("-m,--metric", opt->metric,
                    "Metric to export; default: each case's headline metric (a rate: its `time`)");
    add_selection_options(*cmd, opt->selection);
    return {cmd, [opt] { return export_command(*opt); }};
}

}  // namespace perfmatrix
