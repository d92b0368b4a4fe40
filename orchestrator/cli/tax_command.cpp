// `perfmatrix tax r.h5`: the interpreter-tax table (analysis/tax/), native against Python per
// interpreter, from the cases whose job declared `tax`.

#include "analysis/tax/tax_formats.hpp"
#include "orchestrator/cli/case_options.hpp"
#include "orchestrator/cli/command_errors.hpp"
#include "orchestrator/cli/commands.hpp"
#include "orchestrator/cli/text_output.hpp"
#include "results/results_reader.hpp"

#include <fmt/format.h>

#include <memory>

namespace perfmatrix {

int tax_command(const TaxOptions& args) {
    return run_reporting_errors("tax", [&] {
        const auto format = parse_tax_format(args.format);
        if (!format)
            throw BadInput(fmt::format("--format expects table, markdown, csv or json, got '{}'", args.format));
        Results r = read_results_noting(args.results_path);
        keep_selected(r, args.selection, args.results_path);
        try {
            write_text_output(render_tax(build_tax_report(r, args.results_path), *format), args.output);
        } catch (const std::invalid_argument& e) {
            throw BadInput(e.what());  // no case declares `tax`: the file cannot give this table
        }
        return exit_code::ok;
    });
}

Subcommand register_tax(CLI::App& app) {
    auto opt = std::make_shared<TaxOptions>();
    CLI::App* cmd = app.add_subcommand(
        "tax", "The interpreter tax: each op run natively and from Python, side by side, per interpreter and size");
    add_results_file(*cmd, opt->results_path);
    cmd->add_option("--format", opt->format, "table | markdown | csv | json")
        ->check(CLI::IsMember({"table", "markdown", "csv", "json"}));
    cmd->add_option("-o,--output", opt->output, "Write to this file instead of standard output");
    add_selection_options(*cmd, opt->selection);
    return {cmd, [opt] { return tax_command(*opt); }};
}

}  // namespace perfmatrix
