#include "orchestrator/cluster/local_scheduler.hpp"

#include "orchestrator/cluster/launcher_detection.hpp"
#include "orchestrator/cluster/shell_quote.hpp"
#include "orchestrator/run/run_options.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <stdexcept>

namespace perfmatrix {

std::string array_task_output(const std::string& output, const std::string& task) {
    const std::filesystem::path out(output);
    return (out.parent_path() / fmt::format("{}-{}{}", out.stem().string(), task, out.extension().string())).string();
}

std::vector<std::string> run_argv(const SubmitOptions& opt, const std::string& perfmatrix, const char* array_task_id) {
    std::string output = opt.output;
    std::vector<std::string> extra;
    if (opt.array_split > 0) {
        if (!array_task_id || !*array_task_id)
            throw std::invalid_argument(
                "--array-split: SLURM_ARRAY_TASK_ID is not set; --scheduler none with --array-split runs inside "
                "one task of a job array");
        output = array_task_output(opt.output, array_task_id);
        extra = {"--array-split", std::to_string(opt.array_split), "--array-index", array_task_id};
    }
    std::vector<std::string> argv{perfmatrix, "run", opt.job_path, "-o", output, "--resume", "--progress", "lines"};
    argv.insert(argv.end(), extra.begin(), extra.end());
    if (!opt.env_cache.empty()) {
        argv.push_back("--env-cache");
        argv.push_back(opt.env_cache);
    }
    return argv;
}

int run_in_allocation(const SubmitOptions& opt, const std::string& perfmatrix) {
    const auto facts = probe_allocation([](const char* name) { return std::getenv(name); });
    const Launcher launcher = choose_launcher(opt.launcher, facts);
    auto argv = launcher_argv(launcher, facts.het_size);
    const auto run = run_argv(opt, perfmatrix, std::getenv("SLURM_ARRAY_TASK_ID"));
    argv.insert(argv.end(), run.begin(), run.end());

    fmt::print(stderr, "perfmatrix submit: launcher {} ({}): {}\n", to_string(launcher),
               opt.launcher == LauncherChoice::automatic ? "detected" : "asked", shell_join(argv));
    std::fflush(stderr);
    // Not a helper command (orchestrator/helpers): nothing is started beside this process, it
    // becomes the launcher, which must own this pid for the batch script's signals to reach it.
    std::vector<char*> args;
    for (auto& a : argv) args.push_back(a.data());
    args.push_back(nullptr);
    execvp(args[0], args.data());
    fmt::print(stderr, "perfmatrix submit: cannot start {}: {}\n", argv[0], std::strerror(errno));
    return exit_code::failure;
}

}  // namespace perfmatrix
