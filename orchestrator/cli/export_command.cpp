// `perfmatrix export`: a results file in another tool's JSON format (pyperf, Google Benchmark).

#include "analysis/export/export_gbench.hpp"
#include "analysis/export/export_pyperf.hpp"
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

ExportOutput render_export(const Results& r, const ExportArgs& args) {
    const ExportOptions opt{.metric = args.metric};
    if (args.format == "pyperf") return export_pyperf(r, opt);
    if (args.format == "gbench") return export_gbench(r, opt);
    throw std::invalid_argument(fmt::format("--format expects pyperf or gbench, got '{}'", args.format));
}

// What did not go out is said on stderr, so a user never mistakes a partial export for all.
void report_left_out(const ExportOutput& e) {
    if (e.left_out.empty()) return;
    fmt::print(stderr, "perfmatrix export: {} case{} left out:\n", e.left_out.size(), e.left_out.size() == 1 ? "" : "s");
    for (const std::string& line : e.left_out) fmt::print(stderr, "  {}\n", line);
}

}  // namespace

int export_command(const ExportArgs& args) {
    try {
        std::string note;
        const Results r = read_results(args.results_path, &note);
        if (!note.empty()) fmt::print(stderr, "{}\n", note);
        const ExportOutput e = render_export(r, args);
        report_left_out(e);
        if (e.exported == 0) {
            fmt::print(stderr, "perfmatrix export: nothing to export from {}\n", args.results_path);
            return exit_code::failure;
        }
        write_text_output(e.text, args.output);
        return exit_code::ok;
    } catch (const std::invalid_argument& e) {
        fmt::print(stderr, "perfmatrix export: {}\n", e.what());
        return exit_code::bad_input;
    } catch (const std::exception& e) {
        fmt::print(stderr, "perfmatrix export: {}\n", e.what());
        return exit_code::failure;
    }
}

}  // namespace perfmatrix
