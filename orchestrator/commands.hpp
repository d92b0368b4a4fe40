#pragma once
// The subcommands of the `perfmatrix` CLI. main.cpp only parses arguments.

#include "orchestrator/compare_options.hpp"
#include "orchestrator/python/venv_builder.hpp"
#include "orchestrator/run_options.hpp"

#include <string>
#include <vector>

namespace perfmatrix {

// env_cache: --env-cache (empty: $PERFMATRIX_ENV_CACHE, [job] env_cache, the default).
int plan_command(const std::string& job_path, bool verbose, const std::string& env_cache);
int report_command(const std::string& results_path, const std::vector<std::string>& metrics, bool all_metrics);
// Lists the Python interpreters found here (and at `paths`); a table, or JSON.
int interpreters_command(const std::vector<std::string>& paths, bool json);
// Compares results files by case id, or the values of one axis within a file.
int compare_command(const CompareArgs& args);

// `perfmatrix prepare`: makes the Python environments a job's `requirements` need.
struct PrepareArgs {
    std::string job_path;
    std::string env_cache;  // --env-cache; empty: $PERFMATRIX_ENV_CACHE, [job] env_cache, the default
    bool force = false;     // rebuild environments that are ready
    PrepareOptions pip;
};
int prepare_command(const PrepareArgs& args);

namespace exit_code {
inline constexpr int regression = 4;  // compare: the regression gate (--fail-if-*slower) tripped
}  // namespace exit_code
// Initialises MPI: every rank of an mpirun launch calls this.
int run_command(const RunOptions& opt, int& argc, char**& argv);

}  // namespace perfmatrix
