#include "orchestrator/cluster/submit_cli.hpp"

namespace perfmatrix {

CLI::App* add_submit_subcommand(CLI::App& app, SubmitOptions& opt, SubmitCliText& text) {
    auto* cmd = app.add_subcommand(
        "submit",
        "Run a job on SLURM: render a batch script from slurm/ templates and sbatch it (--dry-run: print it)");
    cmd->add_option("job", opt.job_path, "Job file (TOML)")->required()->check(CLI::ExistingFile);
    cmd->add_option("-o,--output", opt.output, "Results file (HDF5); default: <job name>.h5");
    cmd->add_flag("--dry-run", opt.dry_run, "Print the batch script instead of submitting it");
    cmd->add_option("--partition", opt.partition, "Partition of the (CPU) ranks; default: the cluster's");
    cmd->add_option("--nodes", opt.nodes, "Nodes of the (CPU) part (default 1)")->check(CLI::PositiveNumber);
    cmd->add_option("--ntasks-per-node", opt.ntasks_per_node, "Ranks per node of the (CPU) part (default 2)")
        ->check(CLI::PositiveNumber);
    cmd->add_option("--time", opt.time, "Time limit, as sbatch --time (e.g. 00:30:00)");
    cmd->add_option("--account", opt.account, "Account to charge");
    cmd->add_option("--gres", opt.gres, "GPU request of the ranks that run GPU cases, e.g. gpu:1 (the default)");
    cmd->add_option("--gpus-per-node", opt.gpus_per_node, "Instead of --gres: sbatch --gpus-per-node for them");
    cmd->add_option("--gpu-partition", opt.gpu_partition,
                    "Partition for GPU cases; with CPU cases too, the job becomes heterogeneous (one MPI world)");
    cmd->add_option("--gpu-nodes", opt.gpu_nodes, "Nodes of the GPU part of a heterogeneous job (default 1)")
        ->check(CLI::PositiveNumber);
    cmd->add_option("--gpu-ntasks-per-node", opt.gpu_ntasks_per_node,
                    "Ranks per node of the GPU part of a heterogeneous job (default 1)")
        ->check(CLI::PositiveNumber);
    cmd->add_flag("--requeue", opt.requeue, "When the time-limit warning interrupts the run, requeue the job");
    cmd->add_option("--signal-before", opt.signal_before,
                    "Seconds before the time limit at which the run is told to stop (default 180)")
        ->check(CLI::NonNegativeNumber);
    cmd->add_option("--launcher", text.launcher, "auto | mpirun | srun (auto: decided inside the allocation)")
        ->check(CLI::IsMember({"auto", "mpirun", "srun"}));
    cmd->add_option("--scheduler", text.scheduler,
                    "sbatch (default) | none: already inside an allocation, launch now (the batch script does)")
        ->check(CLI::IsMember({"sbatch", "none"}));
    cmd->add_option("--array-split", opt.array_split,
                    "A job array of N tasks, each running its share into <output stem>-<task>.h5")
        ->check(CLI::PositiveNumber);
    cmd->add_option("--template", opt.template_path,
                    "Batch script template instead of the built-in slurm/perfmatrix.sbatch.in")
        ->check(CLI::ExistingFile);
    cmd->add_option("--env-cache", opt.env_cache, "Where `requirements` find prepared Python environments");
    return cmd;
}

void finish_submit_options(SubmitOptions& opt, const SubmitCliText& text) {
    opt.scheduler = text.scheduler == "none" ? SchedulerKind::none : SchedulerKind::sbatch;
    opt.launcher = text.launcher == "srun"     ? LauncherChoice::srun
                   : text.launcher == "mpirun" ? LauncherChoice::mpirun
                                               : LauncherChoice::automatic;
}

}  // namespace perfmatrix
