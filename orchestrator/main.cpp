// perfmatrix: plan, run and report benchmark matrices.

#include "orchestrator/commands.hpp"
#include "orchestrator/version.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <filesystem>

namespace {

std::string joined_command_line(int argc, char** argv) {
    std::string s;
    for (int i = 0; i < argc; ++i) s += (i ? " " : "") + std::string(argv[i]);
    return s;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace perfmatrix;
    CLI::App app{"perfmatrix: how fast is this runtime, library or machine, really?"};
    app.set_version_flag("--version", fmt::format("perfmatrix {} ({})", tool_version, git_describe));
    app.require_subcommand(1);

    RunOptions run;
    run.command_line = joined_command_line(argc, argv);
    std::string progress = "auto";
    auto* run_cmd = app.add_subcommand("run", "Run a job (under mpirun: rank 0 coordinates, other ranks measure)");
    run_cmd->add_option("job", run.job_path, "Job file (TOML)")->required()->check(CLI::ExistingFile);
    run_cmd->add_option("-o,--output", run.output, "Results file (HDF5); default: <job name>.h5");
    run_cmd->add_flag("--resume", run.resume,
                      "Continue an existing results file of the same job: run only the missing cases");
    run_cmd->add_flag("--overwrite", run.overwrite, "Replace an existing results file");
    run_cmd->add_option("--progress", progress, "auto | tty | lines | none")
        ->check(CLI::IsMember({"auto", "tty", "lines", "none"}));

    std::string plan_job;
    bool plan_verbose = false;
    auto* plan_cmd = app.add_subcommand("plan", "Print the cases a job expands to; runs nothing");
    plan_cmd->add_option("job", plan_job, "Job file (TOML)")->required();
    plan_cmd->add_flag("-v,--verbose", plan_verbose, "Also print each case's parameters");

    std::string report_file;
    std::vector<std::string> metrics;
    bool all_metrics = false;
    auto* report_cmd = app.add_subcommand("report", "Summarise a results file");
    report_cmd->add_option("results", report_file, "Results file (HDF5)")->required()->check(CLI::ExistingFile);
    report_cmd->add_option("-m,--metric", metrics, "Metric to tabulate (repeatable); default: each kind's headline metrics");
    report_cmd->add_flag("--all-metrics", all_metrics, "Tabulate every metric present");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int rc = app.exit(e);
        return rc == 0 ? 0 : exit_code::bad_input;
    }

    if (*plan_cmd) return plan_command(plan_job, plan_verbose);
    if (*report_cmd) return report_command(report_file, metrics, all_metrics);
    run.progress = parse_progress_mode(progress);
    if (run.output.empty()) run.output = std::filesystem::path(run.job_path).stem().string() + ".h5";
    return run_command(run, argc, argv);
}
