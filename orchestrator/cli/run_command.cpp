#include "orchestrator/cli/case_options.hpp"
#include "orchestrator/cli/commands.hpp"
#include "orchestrator/job/settings.hpp"
#include "orchestrator/run/coordinator.hpp"
#include "orchestrator/run/mpi_session.hpp"
#include "orchestrator/run/progress.hpp"
#include "orchestrator/run/signals.hpp"
#include "orchestrator/run/worker_loop.hpp"

#include <fmt/format.h>

#include <exception>
#include <filesystem>

namespace perfmatrix {

int run_command(const RunOptions& opt, int& argc, char**& argv) {
    try {
        block_warning_signal();  // before MPI_Init: its threads inherit the mask
        MpiSession mpi(argc, argv);
        InterruptGuard interrupts;  // after MPI_Init: MPI may install handlers of its own
        return mpi.rank() == 0 ? coordinate(mpi, opt) : worker_loop(mpi);
    } catch (const std::exception& e) {
        fmt::print(stderr, "perfmatrix run: {}\n", e.what());
        return exit_code::failure;
    }
}

std::string joined_command_line(int argc, char** argv) {
    std::string s;
    for (int i = 0; i < argc; ++i) s += (i ? " " : "") + std::string(argv[i]);
    return s;
}

namespace {

// What the settings' presets and the defaults leave to be filled in after parsing.
struct RunCli {
    RunOptions run;
    std::string progress = "auto";
    SettingOptions settings;

    void finish() {
        settings.finish();
        run.settings = settings.settings;
        run.progress = parse_progress_mode(progress);
        if (run.output.empty()) run.output = std::filesystem::path(run.job_path).stem().string() + ".h5";
    }
};

}  // namespace

Subcommand register_run(CLI::App& app, ProcessArgs args) {
    auto cli = std::make_shared<RunCli>();
    RunOptions& run = cli->run;
    run.command_line = joined_command_line(args.argc, args.argv);
    CLI::App* cmd = app.add_subcommand("run", "Run a job (under mpirun: rank 0 coordinates, other ranks measure)");
    cmd->add_option("job", run.job_path, "Job file (TOML)")->required()->check(CLI::ExistingFile);
    cmd->add_option("-o,--output", run.output, "Results file (HDF5); default: <job name>.h5");
    cmd->add_flag("--resume", run.resume,
                  "Continue an existing results file of the same job: run only the missing cases");
    cmd->add_flag("--overwrite", run.overwrite, "Replace an existing results file");
    cmd->add_option("--progress", cli->progress, "auto | tty | lines | none")
        ->check(CLI::IsMember({"auto", "tty", "lines", "none"}));
    cmd->add_option("--env-cache", run.env_cache, "Where `requirements` find prepared Python environments");
    cmd->add_option("--grace", run.grace,
                    "Seconds the cases in flight get to finish after SIGUSR1 (a time-limit warning); default 60")
        ->check(CLI::Range(0.0, max_duration_seconds));
    cmd->add_option("--array-split", run.array_split,
                    "Run only a 1/N share of the cases (a job array task); see --array-index")
        ->check(CLI::PositiveNumber);
    cmd->add_option("--array-index", run.array_index, "Which share, 0 to N-1 (default: $SLURM_ARRAY_TASK_ID)");
    add_setting_options(*cmd, cli->settings);
    add_selection_options(*cmd, run.selection);
    cmd->add_option("--seed", run.seed,
                    "Seed of the random order the (case, round) units run in; default: a fresh one, recorded "
                    "in the file and printed, so a run can be replayed");
    cmd->add_flag("--leaders", run.leaders,
                  "Under mpirun on many nodes: the first rank of each node other than rank 0's measures "
                  "nothing and relays its node's messages to rank 0 in batches (docs/scale.md)");
    return {cmd, [cli, args] {
                cli->finish();
                return run_command(cli->run, args.argc, args.argv);
            }};
}

}  // namespace perfmatrix
