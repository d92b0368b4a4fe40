#pragma once
// The subcommands of the `perfmatrix` CLI. Each lives in its own <name>_command.cpp with
// register_<name>(), which adds the subcommand and its options to the app, and the function
// that runs it on its options struct. main.cpp registers them all and runs the one parsed.

#include "orchestrator/cli/compare_options.hpp"
#include "orchestrator/environments/venv_builder.hpp"
#include "orchestrator/job/overrides.hpp"
#include "orchestrator/job/selection.hpp"
#include "orchestrator/run/run_options.hpp"

#include <CLI/CLI.hpp>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace perfmatrix {

// A registered subcommand: `app` is true after parsing when it was the one given, and `run`
// runs it on the options parsing filled in.
struct Subcommand {
    CLI::App* app = nullptr;
    std::function<int()> run;
};

// The process's arguments, for the subcommands that start MPI with them (run, system).
struct ProcessArgs {
    int& argc;
    char**& argv;
};

// The positional results file (HDF5) a subcommand reads; it must exist.
void add_results_file(CLI::App& cmd, std::string& path);

// Every subcommand, in the order `perfmatrix --help` lists them.
std::vector<Subcommand> register_subcommands(CLI::App& app, ProcessArgs args);

// `perfmatrix plan`: the cases a job expands to.
struct PlanOptions {
    std::string job_path;
    bool verbose = false;       // -v: each case's parameters too
    bool json = false;          // --json: the plan as one JSON document (docs/usage.md)
    std::string env_cache;      // --env-cache (empty: $PERFMATRIX_ENV_CACHE, [job] env_cache, the default)
    SettingOverrides settings;  // as `run` would apply them
    Selection selection;
};
Subcommand register_plan(CLI::App& app);
int plan_command(const PlanOptions& opt);

// `perfmatrix run` (initialises MPI: every rank of an mpirun launch calls this).
Subcommand register_run(CLI::App& app, ProcessArgs args);
int run_command(const RunOptions& opt, int& argc, char**& argv);
// The process's command line as typed (words joined by spaces), for the record.
std::string joined_command_line(int argc, char** argv);

// `perfmatrix exec -- CMD ARGS...`: one command timed as a generated spawn job (like `run`).
Subcommand register_exec(CLI::App& app, ProcessArgs args);

// `perfmatrix prepare`: makes the Python environments a job's `requirements` need.
struct PrepareOptions {
    std::string job_path;
    std::string env_cache;  // --env-cache; empty: $PERFMATRIX_ENV_CACHE, [job] env_cache, the default
    bool force = false;     // rebuild environments that are ready
    PipOptions pip;
};
Subcommand register_prepare(CLI::App& app);
int prepare_command(const PrepareOptions& opt);

// `perfmatrix plot` and `perfmatrix report --html`: the comparison they show is along
// `axis` from `baseline` (empty: the default axis, its first value; analysis/plot/plot_data.hpp).
struct PlotOptions {
    std::string results;
    std::string out_dir;         // plot: where the files go
    std::string format = "png";  // plot: png | svg | both
    std::string html;            // report --html: the page to write
    std::string axis, baseline;
    std::vector<std::string> metrics;  // report --html: -m, as the text report
    bool all_metrics = false;          // report --html: --all-metrics
    Selection selection;               // report --html: -k, --benchmark, --category
};
Subcommand register_plot(CLI::App& app);
int plot_command(const PlotOptions& opt);
int html_report_command(const PlotOptions& opt);

// `perfmatrix report`: the text summary, or with --html the HTML report (PlotOptions::html).
struct ReportOptions {
    std::string results;
    std::vector<std::string> metrics;  // -m; empty: each kind's headline metrics
    bool all_metrics = false;
    std::string format = "text";  // --format: text, markdown, csv or json
    PlotOptions html;             // --html and its --axis/--baseline
    Selection selection;          // -k, --benchmark, --category
};
Subcommand register_report(CLI::App& app);
int report_command(const ReportOptions& opt);

// `perfmatrix compare`: results files by case id, or the values of one axis within a file.
Subcommand register_compare(CLI::App& app);
int compare_command(const CompareOptions& opt);

// `perfmatrix export`: a results file as pyperf's or Google Benchmark's JSON.
struct ExportOptions {
    std::string results_path;
    std::string format;   // pyperf | gbench
    std::string output;   // empty or "-": standard output
    std::string metric;   // empty: each case's headline metric (a rate falls back to `time`)
    Selection selection;  // -k, --benchmark, --category
};
Subcommand register_export(CLI::App& app);
int export_command(const ExportOptions& opt);

// `perfmatrix tax`: the interpreter-tax table of a results file (analysis/tax/).
struct TaxOptions {
    std::string results_path;
    std::string format = "table";  // table | markdown | csv | json
    std::string output;            // empty or "-": standard output
    Selection selection;           // -k, --benchmark, --category
};
Subcommand register_tax(CLI::App& app);
int tax_command(const TaxOptions& opt);

// `perfmatrix status`: progress of a results file (running, finished or interrupted) per
// benchmark; a table, or JSON.
struct StatusOptions {
    std::string results_path;
    bool json = false;
};
Subcommand register_status(CLI::App& app);
int status_command(const StatusOptions& opt);

// `perfmatrix merge`: combines results files of one job into `output`.
struct MergeOptions {
    std::vector<std::string> inputs;
    std::string output;
    bool overwrite = false;
};
Subcommand register_merge(CLI::App& app);
int merge_command(const MergeOptions& opt);

// `perfmatrix submit`: a job to SLURM (orchestrator/cluster/).
Subcommand register_submit(CLI::App& app);

// `perfmatrix interpreters`: the Python interpreters found here (and at `paths`).
struct InterpretersOptions {
    std::vector<std::string> paths;
    bool json = false;
};
Subcommand register_interpreters(CLI::App& app);
int interpreters_command(const InterpretersOptions& opt);

// `perfmatrix kinds`: the registered kinds; a table, or the Markdown reference docs/kinds.md holds.
struct KindsOptions {
    bool markdown = false;
};
Subcommand register_kinds(CLI::App& app);
int kinds_command(const KindsOptions& opt);

// `perfmatrix system`: every rank's settings that make numbers unstable, printed by rank 0
// with warnings; reads only. Initialises MPI: every rank of an mpirun launch calls this.
Subcommand register_system(CLI::App& app, ProcessArgs args);
int system_command(int& argc, char**& argv);

namespace exit_code {
inline constexpr int regression = 4;  // compare: the regression gate (--fail-if-*slower) tripped
}  // namespace exit_code

}  // namespace perfmatrix
