#include "analysis/report/report.hpp"
#include "analysis/report/report_formats.hpp"
#include "analysis/view/case_loader.hpp"
#include "orchestrator/cli/case_options.hpp"
#include "orchestrator/cli/command_errors.hpp"
#include "orchestrator/cli/commands.hpp"
#include "results/results_reader.hpp"

#include <fmt/format.h>

#include <exception>
#include <string>

namespace perfmatrix {

int report_command(const ReportOptions& opt) {
    if (!opt.html.html.empty() && opt.format != "text") {
        fmt::print(stderr, "perfmatrix report: --html writes HTML; leave out --format {}\n", opt.format);
        return exit_code::bad_input;
    }
    if (!opt.html.html.empty()) {
        PlotOptions html = opt.html;
        html.results = opt.results;
        html.metrics = opt.metrics;
        html.all_metrics = opt.all_metrics;
        html.selection = opt.selection;
        return html_report_command(html);
    }
    if (!(opt.html.axis.empty() && opt.html.baseline.empty())) {
        fmt::print(stderr, "perfmatrix report: --axis and --baseline apply to --html only\n");
        return exit_code::bad_input;
    }
    const std::string& results_path = opt.results;
    const std::vector<std::string>& metrics = opt.metrics;
    const bool all_metrics = opt.all_metrics;
    const auto format = parse_report_format(opt.format);
    if (!format) {
        fmt::print(stderr, "perfmatrix report: --format expects text, markdown, csv or json, got '{}'\n", opt.format);
        return exit_code::bad_input;
    }
    return run_reporting_errors("report", [&] {
        // By case: the samples are read a case at a time as the statistics need them, so the
        // report's memory grows with the largest case, not with the file (docs/comparing.md, "Scale").
        std::string note;
        ResultsByCase by_case = read_results_by_case(results_path, &note);
        if (!note.empty()) fmt::print(stderr, "{}\n", note);
        Results& r = by_case.results;
        keep_selected(r, opt.selection, results_path);
        ReportSettings settings;
        settings.samples = samples_from(by_case.samples);
        if (!metrics.empty()) settings.metrics = metrics;
        settings.all_metrics = all_metrics;
        settings.results_path = results_path;
        fmt::print("{}", render_report(r, settings, *format));
        return exit_code::ok;
    });
}

Subcommand register_report(CLI::App& app) {
    auto opt = std::make_shared<ReportOptions>();
    CLI::App* cmd = app.add_subcommand("report", "Summarise a results file");
    add_results_file(*cmd, opt->results);
    cmd->add_option("-m,--metric", opt->metrics,
                    "Metric to tabulate (repeatable); default: each kind's headline metrics");
    cmd->add_flag("--all-metrics", opt->all_metrics, "Tabulate every metric present");
    cmd->add_option("--format", opt->format,
                    "text (default) | markdown | csv | json: csv and json give one row per case and metric with "
                    "n, median and its CI, mean, stddev, MAD, IQR, min/max, p5/p95 and outlier counts");
    cmd->add_option("--html", opt->html.html, "Write a self-contained HTML report (tables and plots) to this file");
    cmd->add_option("--axis", opt->html.axis,
                    "With --html: compare the values of this axis (default: python, else the first that varies)");
    cmd->add_option("--baseline", opt->html.baseline,
                    "With --html: the value of --axis the others are compared with (default: its first)");
    add_selection_options(*cmd, opt->selection);
    return {cmd, [opt] { return report_command(*opt); }};
}

}  // namespace perfmatrix
