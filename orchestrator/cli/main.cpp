// perfmatrix: plan, run and report benchmark matrices.

#include "orchestrator/cluster/submit_cli.hpp"
#include "orchestrator/cluster/submit_command.hpp"
#include "orchestrator/cli/commands.hpp"
#include "orchestrator/job/settings.hpp"
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
    run_cmd->add_option("--env-cache", run.env_cache, "Where `requirements` find prepared Python environments");
    run_cmd->add_option("--grace", run.grace,
                        "Seconds the cases in flight get to finish after SIGUSR1 (a time-limit warning); default 60")
        ->check(CLI::Range(0.0, max_duration_seconds));
    run_cmd->add_option("--array-split", run.array_split,
                        "Run only a 1/N share of the cases (a job array task); see --array-index")
        ->check(CLI::PositiveNumber);
    run_cmd->add_option("--array-index", run.array_index,
                        "Which share, 0 to N-1 (default: $SLURM_ARRAY_TASK_ID)");
    auto* rounds_opt =
        run_cmd->add_option("--rounds", run.rounds,
                            "Measure every case in N rounds (independent processes), overriding the job's `rounds`")
            ->check(CLI::Range(1, 1000000));
    // pyperf's names for its presets; what each buys is in docs/job-files.md, "Rounds".
    bool fast = false, rigorous = false;
    auto* fast_flag = run_cmd->add_flag("--fast", fast, fmt::format("--rounds {}: fewer rounds, quicker, less power", fast_rounds))
                          ->excludes(rounds_opt);
    run_cmd->add_flag("--rigorous", rigorous, fmt::format("--rounds {}: more rounds, slower, more power", rigorous_rounds))
        ->excludes(rounds_opt)
        ->excludes(fast_flag);
    run_cmd->add_option("--seed", run.seed,
                        "Seed of the random order the (case, round) units run in; default: a fresh one, recorded "
                        "in the file and printed, so a run can be replayed");

    std::string plan_job;
    bool plan_verbose = false;
    auto* plan_cmd = app.add_subcommand("plan", "Print the cases a job expands to; runs nothing");
    plan_cmd->add_option("job", plan_job, "Job file (TOML)")->required();
    plan_cmd->add_flag("-v,--verbose", plan_verbose, "Also print each case's parameters");
    std::string plan_env_cache;
    plan_cmd->add_option("--env-cache", plan_env_cache, "Where `requirements` find prepared Python environments");

    PrepareArgs prepare;
    auto* prepare_cmd = app.add_subcommand(
        "prepare", "Make the Python environments a job's `requirements` need (venv + pip, one per interpreter)");
    prepare_cmd->add_option("job", prepare.job_path, "Job file (TOML)")->required();
    prepare_cmd->add_option("--env-cache", prepare.env_cache,
                            "Cache directory (default: $PERFMATRIX_ENV_CACHE, [job] env_cache, ~/.cache/perfmatrix/envs)");
    prepare_cmd->add_flag("--force", prepare.force, "Rebuild environments that are already prepared");
    prepare_cmd->add_option("--find-links", prepare.pip.find_links, "pip --find-links: a directory of packages (repeatable)");
    prepare_cmd->add_flag("--no-index", prepare.pip.no_index, "pip --no-index: only --find-links (offline)");
    prepare_cmd->add_flag("--upgrade-pip", prepare.pip.upgrade_pip, "Upgrade pip in each environment first (old interpreters)");
    prepare_cmd->add_option("--timeout", prepare.pip.timeout, "Seconds per environment, venv and pip together (default 3600)")
        ->check(CLI::PositiveNumber);

    std::string report_file;
    std::vector<std::string> metrics;
    bool all_metrics = false;
    auto* report_cmd = app.add_subcommand("report", "Summarise a results file");
    report_cmd->add_option("results", report_file, "Results file (HDF5)")->required()->check(CLI::ExistingFile);
    report_cmd->add_option("-m,--metric", metrics, "Metric to tabulate (repeatable); default: each kind's headline metrics");
    report_cmd->add_flag("--all-metrics", all_metrics, "Tabulate every metric present");
    PlotArgs html;
    report_cmd->add_option("--html", html.html, "Write a self-contained HTML report (tables and plots) to this file");
    report_cmd->add_option("--axis", html.axis, "With --html: compare the values of this axis (default: python, else the first that varies)");
    report_cmd->add_option("--baseline", html.baseline, "With --html: the value of --axis the others are compared with (default: its first)");

    PlotArgs plot;
    auto* plot_cmd = app.add_subcommand("plot", "Draw plots of a results file (matplotlib): speed-up heatmap, distributions, throughput, import times");
    plot_cmd->add_option("results", plot.results, "Results file (HDF5)")->required()->check(CLI::ExistingFile);
    plot_cmd->add_option("--out-dir", plot.out_dir, "Directory for the plot files (created if missing)")->required();
    plot_cmd->add_option("--format", plot.format, "png | svg | both (default png)")->check(CLI::IsMember({"png", "svg", "both"}));
    plot_cmd->add_option("--axis", plot.axis, "Axis of the speed-up heatmap (default: python, else the first that varies)");
    plot_cmd->add_option("--baseline", plot.baseline, "The value of --axis the others are compared with (default: its first)");

    CompareArgs compare;
    auto* compare_cmd = app.add_subcommand(
        "compare", "Compare results files by case id (the first is the baseline), or the values of one axis in a file");
    compare_cmd->add_option("results", compare.files,
                            "Results files (HDF5), the baseline first; a directory is one side made of several runs "
                            "(its .h5 files), their rounds pooled")
        ->required()
        ->check(CLI::ExistingPath);
    compare_cmd->add_option("--axis", compare.axis, "Compare the values of this axis within one file");
    compare_cmd->add_option("--baseline", compare.baseline, "With --axis: the value the others are compared with");
    compare_cmd->add_option("-m,--metric", compare.metric, "Metric to compare; default: each case's headline metric");
    compare_cmd->add_option("--alpha", compare.alpha, "Significance level of the Mann-Whitney test (default 0.05)");
    compare_cmd->add_option("--min-effect", compare.min_effect_pct, "Smallest change in percent that counts (default 2)");
    compare_cmd->add_option("--fail-if-slower", compare.fail_if_slower_pct, "Exit 4 when a case is significantly slower by more than PCT percent");
    compare_cmd->add_option("--fail-if-geomean-slower", compare.fail_if_geomean_slower_pct, "Exit 4 when the overall geometric mean is slower by more than PCT percent");
    compare_cmd->add_option("--format", compare.format, "table | markdown | csv | json")->check(CLI::IsMember({"table", "markdown", "csv", "json"}));
    compare_cmd->add_option("-o,--output", compare.output, "Write to this file instead of standard output");

    ExportArgs export_args;
    auto* export_cmd = app.add_subcommand("export", "Write a results file as pyperf's or Google Benchmark's JSON");
    export_cmd->add_option("results", export_args.results_path, "Results file (HDF5)")->required()->check(CLI::ExistingFile);
    export_cmd->add_option("--format", export_args.format, "pyperf | gbench")->required()->check(CLI::IsMember({"pyperf", "gbench"}));
    export_cmd->add_option("-o,--output", export_args.output, "Write to this file instead of standard output");
    export_cmd->add_option("-m,--metric", export_args.metric, "Metric to export; default: each case's headline metric (a rate: its `time`)");

    std::string status_file;
    bool status_json = false;
    auto* status_cmd = app.add_subcommand(
        "status", "Progress of a results file per benchmark (done / failed / skipped / left), also while it is written");
    status_cmd->add_option("results", status_file, "Results file (HDF5)")->required()->check(CLI::ExistingFile);
    status_cmd->add_flag("--json", status_json, "Print JSON instead of a table");

    std::vector<std::string> merge_inputs;
    std::string merge_output;
    bool merge_overwrite = false;
    auto* merge_cmd = app.add_subcommand("merge", "Combine results files of the same job (e.g. job-array shares) into one");
    merge_cmd->add_option("results", merge_inputs, "Results files (HDF5) of one job")->required()->check(CLI::ExistingFile);
    merge_cmd->add_option("-o,--output", merge_output, "The merged results file")->required();
    merge_cmd->add_flag("--overwrite", merge_overwrite, "Replace an existing output file");

    SubmitOptions submit;
    SubmitCliText submit_text;
    auto* submit_cmd = add_submit_subcommand(app, submit, submit_text);

    std::vector<std::string> interpreter_paths;
    bool interpreters_json = false;
    auto* interpreters_cmd =
        app.add_subcommand("interpreters", "List the Python interpreters found here, as a job's `python` axis sees them");
    interpreters_cmd->add_option("paths", interpreter_paths, "Also probe these interpreters");
    interpreters_cmd->add_flag("--json", interpreters_json, "Print JSON instead of a table");

    bool kinds_markdown = false;
    auto* kinds_cmd = app.add_subcommand("kinds", "List the benchmark kinds with their category, parameters and metrics");
    kinds_cmd->add_flag("--markdown", kinds_markdown, "Print the Markdown reference (docs/kinds.md) instead of a table");

    auto* system_cmd = app.add_subcommand(
        "system",
        "Show the settings that make numbers unstable (CPU governor, turbo, SMT, ASLR, isolated CPUs, "
        "huge pages, load, busy processes, perf sampling) with warnings, per rank under mpirun. "
        "Reads /proc and /sys only: it never changes the machine");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int rc = app.exit(e);
        return rc == 0 ? 0 : exit_code::bad_input;
    }

    if (*plan_cmd) return plan_command(plan_job, plan_verbose, plan_env_cache);
    if (*prepare_cmd) return prepare_command(prepare);
    if (*report_cmd && !html.html.empty()) {
        html.results = report_file;
        html.metrics = metrics;
        html.all_metrics = all_metrics;
        return html_report_command(html);
    }
    if (*report_cmd && !(html.axis.empty() && html.baseline.empty())) {
        fmt::print(stderr, "perfmatrix report: --axis and --baseline apply to --html only\n");
        return exit_code::bad_input;
    }
    if (*report_cmd) return report_command(report_file, metrics, all_metrics);
    if (*plot_cmd) return plot_command(plot);
    if (*compare_cmd) return compare_command(compare);
    if (*status_cmd) return status_command(status_file, status_json);
    if (*merge_cmd) return merge_command(merge_inputs, merge_output, merge_overwrite);
    if (*export_cmd) return export_command(export_args);
    if (*submit_cmd) {
        finish_submit_options(submit, submit_text);
        return submit_command(submit);
    }
    if (*interpreters_cmd) return interpreters_command(interpreter_paths, interpreters_json);
    if (*kinds_cmd) return kinds_command(kinds_markdown);
    if (*system_cmd) return system_command(argc, argv);
    if (fast) run.rounds = fast_rounds;
    if (rigorous) run.rounds = rigorous_rounds;
    run.progress = parse_progress_mode(progress);
    if (run.output.empty()) run.output = std::filesystem::path(run.job_path).stem().string() + ".h5";
    return run_command(run, argc, argv);
}
