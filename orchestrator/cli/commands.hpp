#pragma once
// The subcommands of the `perfmatrix` CLI. main.cpp only parses arguments.

#include "orchestrator/cli/compare_options.hpp"
#include "orchestrator/environments/venv_builder.hpp"
#include "orchestrator/run/run_options.hpp"

#include <string>
#include <vector>

namespace perfmatrix {

// env_cache: --env-cache (empty: $PERFMATRIX_ENV_CACHE, [job] env_cache, the default).
int plan_command(const std::string& job_path, bool verbose, const std::string& env_cache);
int report_command(const std::string& results_path, const std::vector<std::string>& metrics, bool all_metrics);
// Lists the registered kinds: a table, or the Markdown reference docs/kinds.md holds.
int kinds_command(bool markdown);
// Lists the Python interpreters found here (and at `paths`); a table, or JSON.
int interpreters_command(const std::vector<std::string>& paths, bool json);
// Compares results files by case id, or the values of one axis within a file.
int compare_command(const CompareArgs& args);
// Progress of a results file (running, finished or interrupted) per benchmark; a table, or JSON.
int status_command(const std::string& results_path, bool json);
// Combines results files of one job into `output`.
int merge_command(const std::vector<std::string>& inputs, const std::string& output, bool overwrite);

// `perfmatrix export`: a results file as pyperf's or Google Benchmark's JSON.
struct ExportArgs {
    std::string results_path;
    std::string format;  // pyperf | gbench
    std::string output;  // empty or "-": standard output
    std::string metric;  // empty: each case's headline metric (a rate falls back to `time`)
};
int export_command(const ExportArgs& args);

// `perfmatrix prepare`: makes the Python environments a job's `requirements` need.
struct PrepareArgs {
    std::string job_path;
    std::string env_cache;  // --env-cache; empty: $PERFMATRIX_ENV_CACHE, [job] env_cache, the default
    bool force = false;     // rebuild environments that are ready
    PrepareOptions pip;
};
int prepare_command(const PrepareArgs& args);

// `perfmatrix plot` and `perfmatrix report --html`: the comparison they show is along
// `axis` from `baseline` (empty: the default axis, its first value; analysis/plot/plot_data.hpp).
struct PlotArgs {
    std::string results;
    std::string out_dir;         // plot: where the files go
    std::string format = "png";  // plot: png | svg | both
    std::string html;            // report --html: the page to write
    std::string axis, baseline;
    std::vector<std::string> metrics;  // report --html: -m, as the text report
    bool all_metrics = false;          // report --html: --all-metrics
};
int plot_command(const PlotArgs& args);
int html_report_command(const PlotArgs& args);

namespace exit_code {
inline constexpr int regression = 4;  // compare: the regression gate (--fail-if-*slower) tripped
}  // namespace exit_code
// `perfmatrix system`: every rank's settings that make numbers unstable, printed by rank 0
// with warnings; reads only. Initialises MPI: every rank of an mpirun launch calls this.
int system_command(int& argc, char**& argv);
// Initialises MPI: every rank of an mpirun launch calls this.
int run_command(const RunOptions& opt, int& argc, char**& argv);

}  // namespace perfmatrix
