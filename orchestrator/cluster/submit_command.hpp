#pragma once
// `perfmatrix submit`: docs/slurm.md.

#include "orchestrator/cluster/submit_options.hpp"

namespace perfmatrix {

// Exit codes as `perfmatrix run`'s: 0 submitted (or printed), 1 sbatch or I/O trouble,
// 2 bad input. With --scheduler none it becomes the launcher and returns only on failure.
int submit_command(SubmitOptions opt);

}  // namespace perfmatrix
