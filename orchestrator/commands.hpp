#pragma once
// The subcommands of the `perfmatrix` CLI. main.cpp only parses arguments.

#include "orchestrator/run_options.hpp"

#include <string>
#include <vector>

namespace perfmatrix {

int plan_command(const std::string& job_path, bool verbose);
int report_command(const std::string& results_path, const std::vector<std::string>& metrics, bool all_metrics);
// Initialises MPI: every rank of an mpirun launch calls this.
int run_command(const RunOptions& opt, int& argc, char**& argv);

}  // namespace perfmatrix
