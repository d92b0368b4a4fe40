#pragma once
// The batch script `perfmatrix submit` hands to sbatch: #SBATCH directives for the job's
// components, and a body (a template) that runs the job inside the allocation.

#include "orchestrator/cluster/job_components.hpp"
#include "orchestrator/cluster/submit_options.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace perfmatrix {

struct BatchScriptInput {
    std::string job_name;               // [job] name
    std::string job_path;               // absolute: the script runs wherever sbatch starts it
    std::string output;                 // absolute results file
    std::string perfmatrix;             // absolute path of the perfmatrix binary that runs the job
    std::string version;                // of that binary, for the record
    std::vector<Component> components;  // 1, or 2 for a heterogeneous job
};

// Where SLURM writes the script's stdout and stderr: beside the results, <stem>-<job id>.out
// (<stem>-<array job>_<task>.out for arrays).
std::string batch_log_pattern(const std::string& output, bool array);

// The #SBATCH lines. Throws std::invalid_argument, naming the option, for a value sbatch
// could not read from a directive (whitespace), or a combination SLURM refuses.
std::string sbatch_directives(const SubmitOptions& opt, const BatchScriptInput& in);

// The whole script: `body` is a template (builtin_batch_template() unless --template) with
// {{directives}}, {{perfmatrix}}, {{launcher}}, {{run_arguments}}, {{requeue}}, {{version}}.
std::string render_batch_script(const SubmitOptions& opt, const BatchScriptInput& in, std::string_view body,
                                std::string_view body_name);

}  // namespace perfmatrix
