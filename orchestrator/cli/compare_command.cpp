// `perfmatrix compare`: read the files, compare, render, apply the regression gate.

#include "analysis/compare/compare_formats.hpp"
#include "analysis/compare/compare_report.hpp"
#include "analysis/compare/regression_gate.hpp"
#include "analysis/stats/run_replicates.hpp"
#include "analysis/view/case_loader.hpp"
#include "orchestrator/cli/case_options.hpp"
#include "orchestrator/cli/command_errors.hpp"
#include "orchestrator/cli/commands.hpp"
#include "orchestrator/cli/text_output.hpp"
#include "results/results_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <memory>
#include <stdexcept>

#include <unistd.h>

namespace perfmatrix {

namespace {

void check_percent(const char* option, std::optional<double> value) {
    if (value && !(std::isfinite(*value) && *value >= 0))
        throw BadInput(fmt::format("{} expects a percentage >= 0 (5 means 5 %), got {}", option, *value));
}

void check_arguments(const CompareOptions& a) {
    if (!a.axis.empty() && a.baseline.empty())
        throw BadInput("--axis needs --baseline VALUE: the value to compare the others with");
    if (a.axis.empty() && !a.baseline.empty())
        throw BadInput("--baseline needs --axis AXIS: the axis whose values are compared");
    if (!a.axis.empty() && a.files.size() != 1)
        throw BadInput(fmt::format("--axis compares values within one results file; got {} files", a.files.size()));
    if (a.axis.empty() && a.files.size() < 2)
        throw BadInput(
            "compare needs a baseline file and at least one more file "
            "(or one file with --axis and --baseline)");
    if (!(a.alpha > 0 && a.alpha < 1))
        throw BadInput(fmt::format("--alpha expects a probability between 0 and 1 (exclusive), got {}", a.alpha));
    check_percent("--min-effect", a.min_effect_pct);
    check_percent("--fail-if-slower", a.fail_if_slower_pct);
    check_percent("--fail-if-geomean-slower", a.fail_if_geomean_slower_pct);
    if (!parse_compare_format(a.format))
        throw BadInput(fmt::format("--format expects table, markdown, csv or json, got '{}'", a.format));
}

CompareSettings settings_of(const CompareOptions& a) {
    CompareSettings s;
    s.metric = a.metric;
    s.alpha = a.alpha;
    s.min_effect = a.min_effect_pct / 100;
    return s;
}

// The files as read, kept alive for the report (it points into them). Reader notes
// (recovered, still being written) go to stderr too, as `perfmatrix report` does.
struct ReadFiles {
    std::vector<std::unique_ptr<Results>> results;
    std::vector<ResultsSource> sources;
};

Results read_noting(const std::string& path, std::string& notes) {
    std::string note;
    Results r = read_results_noting(path, &note);
    if (!note.empty()) notes += (notes.empty() ? "" : "; ") + note;
    return r;
}

// The results files in a directory, by name: the runs of one side (analysis/stats/run_replicates.hpp).
std::vector<std::string> runs_in(const std::string& dir) {
    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
        if (entry.is_regular_file() && entry.path().extension() == ".h5") files.push_back(entry.path().string());
    std::sort(files.begin(), files.end());
    if (files.empty()) throw BadInput(fmt::format("{}: a directory of runs, but it holds no .h5 file", dir));
    return files;
}

// A directory is one side made of several runs (runs_in), each run's median one sample.
Results read_runs(const std::vector<std::string>& files, std::string& notes) {
    std::vector<Results> runs;
    std::vector<NamedRun> named;
    runs.reserve(files.size());
    for (const std::string& f : files) runs.push_back(read_noting(f, notes));
    for (std::size_t i = 0; i < files.size(); ++i) named.push_back({files[i], &runs[i]});
    try {
        Results combined = combine_runs(named);
        notes = fmt::format("{} runs, their rounds pooled{}", files.size(), notes.empty() ? "" : "; " + notes);
        return combined;
    } catch (const std::invalid_argument& e) {
        throw BadInput(e.what());
    }
}

// A single file is read by case: its samples are read as each pair is compared, so compare's
// memory grows with the largest case, not with the files (docs/comparing.md, "Scale"). A
// directory's runs are combined in memory (run_replicates.hpp).
ResultsSource read_by_case(const std::string& path, std::vector<std::unique_ptr<Results>>& kept) {
    std::string note;
    ResultsByCase by_case = read_results_by_case(path, &note);
    if (!note.empty()) fmt::print(stderr, "{}\n", note);
    kept.push_back(std::make_unique<Results>(std::move(by_case.results)));
    return {path, kept.back().get(), note, 1, samples_from(std::move(by_case.samples))};
}

ReadFiles read_all(const std::vector<std::string>& paths, const Selection& selection) {
    ReadFiles f;
    for (const std::string& path : paths) {
        std::string note;
        if (std::filesystem::is_directory(path)) {
            const std::vector<std::string> files = runs_in(path);
            f.results.push_back(std::make_unique<Results>(read_runs(files, note)));
            f.sources.push_back({path, f.results.back().get(), note, files.size()});
        } else {
            f.sources.push_back(read_by_case(path, f.results));
        }
        keep_selected(*f.results.back(), selection, path);
    }
    return f;
}

// Colour only for a person at a terminal who has not opted out (https://no-color.org).
bool use_colour(const CompareOptions& a) {
    return a.format == "table" && a.output.empty() && ::isatty(STDOUT_FILENO) == 1 &&
           std::getenv("NO_COLOR") == nullptr;
}

GateThresholds thresholds_of(const CompareOptions& a) { return {a.fail_if_slower_pct, a.fail_if_geomean_slower_pct}; }

int apply_gate(const CompareReport& report, const CompareOptions& a) {
    const GateResult gate = check_regression_gate(report, thresholds_of(a));
    if (!gate.tripped()) return exit_code::ok;
    fmt::print(stderr, "perfmatrix compare: regression gate tripped ({} finding{}):\n", gate.trips.size(),
               gate.trips.size() == 1 ? "" : "s");
    for (const std::string& line : gate.trips) fmt::print(stderr, "  {}\n", line);
    return exit_code::regression;
}

CompareReport build_report(const CompareOptions& a, const ReadFiles& f) {
    try {
        if (!a.axis.empty()) return compare_axis(f.sources.front(), a.axis, a.baseline, settings_of(a));
        return compare_files(f.sources, settings_of(a));
    } catch (const std::invalid_argument& e) {
        throw BadInput(e.what());  // a bad --axis or --baseline for this file
    }
}

}  // namespace

int compare_command(const CompareOptions& args) {
    return run_reporting_errors("compare", [&] {
        check_arguments(args);  // throws BadInput naming the option and what it expected
        const ReadFiles files = read_all(args.files, args.selection);
        const CompareReport report = build_report(args, files);
        write_text_output(render_compare(report, *parse_compare_format(args.format), use_colour(args)), args.output);
        return apply_gate(report, args);
    });
}

Subcommand register_compare(CLI::App& app) {
    auto opt = std::make_shared<CompareOptions>();
    CLI::App* cmd = app.add_subcommand(
        "compare", "Compare results files by case id (the first is the baseline), or the values of one axis in a file");
    cmd->add_option("results", opt->files,
                    "Results files (HDF5), the baseline first; a directory is one side made of several runs "
                    "(its .h5 files), their rounds pooled")
        ->required()
        ->check(CLI::ExistingPath);
    cmd->add_option("--axis", opt->axis, "Compare the values of this axis within one file");
    cmd->add_option("--baseline", opt->baseline, "With --axis: the value the others are compared with");
    cmd->add_option("-m,--metric", opt->metric, "Metric to compare; default: each case's headline metric");
    cmd->add_option("--alpha", opt->alpha, "Significance level of the Mann-Whitney test (default 0.05)");
    cmd->add_option("--min-effect", opt->min_effect_pct, "Smallest change in percent that counts (default 2)");
    cmd->add_option("--fail-if-slower", opt->fail_if_slower_pct,
                    "Exit 4 when a case is significantly slower by more than PCT percent");
    cmd->add_option("--fail-if-geomean-slower", opt->fail_if_geomean_slower_pct,
                    "Exit 4 when the overall geometric mean is slower by more than PCT percent");
    cmd->add_option("--format", opt->format, "table | markdown | csv | json")
        ->check(CLI::IsMember({"table", "markdown", "csv", "json"}));
    cmd->add_option("-o,--output", opt->output, "Write to this file instead of standard output");
    add_selection_options(*cmd, opt->selection);
    return {cmd, [opt] { return compare_command(*opt); }};
}

}  // namespace perfmatrix
