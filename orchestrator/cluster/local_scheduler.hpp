#pragma once
// The "none" scheduler: we are already inside an allocation (the batch script, or a user in
// salloc), so the job runs now: the launcher starts `perfmatrix run` on every task.

#include "orchestrator/cluster/submit_options.hpp"

#include <string>
#include <vector>

namespace perfmatrix {

// `perfmatrix run` as every task runs it: always --resume, so a requeued job continues its
// file. For a job array, each task writes <stem>-<task>.h5 (task from SLURM_ARRAY_TASK_ID).
std::vector<std::string> run_argv(const SubmitOptions& opt, const std::string& perfmatrix, const char* array_task_id);

// The results file one array task writes: results.h5 -> results-3.h5.
std::string array_task_output(const std::string& output, const std::string& task);

// Picks the launcher and replaces this process with it (execvp), so signals sent to this
// process (the batch script forwards the time-limit warning) reach the launcher itself.
// Returns only on failure, with an exit code, after saying why on stderr.
int run_in_allocation(const SubmitOptions& opt, const std::string& perfmatrix);

}  // namespace perfmatrix
