#pragma once
// The sbatch scheduler: hands a rendered batch script to sbatch.

#include <optional>
#include <string>
#include <string_view>

namespace perfmatrix {

// The job id in sbatch's answer ("Submitted batch job 42", maybe "... on cluster c").
std::optional<long> parse_sbatch_job_id(std::string_view sbatch_output);

// Runs `sbatch SCRIPT` and returns the job id. Throws std::runtime_error with sbatch's own
// words when it refuses or cannot be started.
long submit_with_sbatch(const std::string& script_path);

}  // namespace perfmatrix
