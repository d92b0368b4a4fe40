#pragma once
// What `perfmatrix submit` was asked for. Option names follow sbatch's (docs/slurm.md).

#include <string>

namespace perfmatrix {

// Who gets the allocation: sbatch (submit a batch script), or nobody because we already are
// inside one (the batch script calls `submit --scheduler none`; so can a user in salloc).
enum class SchedulerKind { sbatch, none };

// Who starts the ranks inside the allocation. `automatic` decides there (launcher_detection.hpp).
enum class LauncherChoice { automatic, mpirun, srun };

struct SubmitOptions {
    std::string job_path;
    std::string output;  // results file; default: <job file stem>.h5
    bool dry_run = false;
    SchedulerKind scheduler = SchedulerKind::sbatch;
    LauncherChoice launcher = LauncherChoice::automatic;

    // The CPU part (or the only part) of the job.
    std::string partition;  // empty: the cluster's default partition
    int nodes = 1;
    int ntasks_per_node = 2;  // rank 0 coordinates, the others measure
    std::string time;         // sbatch --time, e.g. "00:30:00"; empty: the partition's default
    std::string account;

    // The GPU part: cases that require a GPU. With --gpu-partition different from --partition,
    // a job with CPU and GPU cases becomes a heterogeneous job.
    std::string gpu_partition;
    std::string gres;           // e.g. "gpu:1"
    std::string gpus_per_node;  // e.g. "1" or "a100:2"
    int gpu_nodes = 1;
    int gpu_ntasks_per_node = 1;

    bool requeue = false;       // requeue itself when the warning signal interrupted the run
    int signal_before = 180;    // seconds before the time limit that the run is told to stop
    int array_split = 0;        // > 0: a job array of this many tasks, each running its share
    std::string template_path;  // a batch script template instead of the built-in one
    std::string env_cache;      // passed to `perfmatrix run --env-cache`
};

const char* to_string(LauncherChoice c);

}  // namespace perfmatrix
