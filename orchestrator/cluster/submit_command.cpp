#include "orchestrator/cluster/submit_command.hpp"

#include "orchestrator/cluster/batch_script.hpp"
#include "orchestrator/cluster/batch_template.hpp"
#include "orchestrator/cluster/launcher.hpp"
#include "orchestrator/cluster/local_scheduler.hpp"
#include "orchestrator/cluster/slurm_scheduler.hpp"
#include "orchestrator/job/job.hpp"
#include "orchestrator/run/run_options.hpp"
#include "orchestrator/version.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace perfmatrix {
namespace {

namespace fs = std::filesystem;

std::string this_executable() { return fs::read_symlink("/proc/self/exe").string(); }

std::string read_text(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::invalid_argument(fmt::format("--template: cannot read '{}'", path));
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string describe(const CaseNeeds& needs, const std::vector<Component>& components) {
    std::string parts;
    for (const auto& c : components)
        parts += fmt::format("{}{} part: partition {}, {} node(s) x {} rank(s){}", parts.empty() ? "" : "; ", c.role,
                             c.partition.empty() ? "(default)" : c.partition, c.nodes, c.ntasks_per_node,
                             c.gres.empty() && c.gpus_per_node.empty()
                                 ? ""
                                 : fmt::format(", GPUs {}", c.gres.empty() ? "per node " + c.gpus_per_node : c.gres));
    return fmt::format("{} case(s), {} requiring a GPU; {}{}", needs.cpu_cases + needs.gpu_cases, needs.gpu_cases,
                       components.size() > 1 ? "heterogeneous job: " : "", parts);
}

int submit_batch(const SubmitOptions& opt) {
    const Job job = load_job(opt.job_path, EnvOptions{opt.env_cache, false});
    const auto needs = count_case_needs(job.cases);
    BatchScriptInput in{job.name,
                        opt.job_path,
                        opt.output,
                        this_executable(),
                        fmt::format("perfmatrix {} ({})", tool_version, git_describe),
                        {}};
    in.components = plan_components(needs, opt);
    // Refused now rather than when the job starts, maybe hours later.
    if (opt.launcher == LauncherChoice::mpirun) launcher_argv(Launcher::mpirun, static_cast<int>(in.components.size()));
    const bool builtin = opt.template_path.empty();
    const std::string body = builtin ? std::string(builtin_batch_template()) : read_text(opt.template_path);
    const std::string script = render_batch_script(opt, in, body,
                                                   builtin ? "slurm/perfmatrix.sbatch.in" : opt.template_path);
    fmt::print(stderr, "job {}: {}\n", job.name, describe(needs, in.components));
    if (opt.dry_run) {
        fmt::print("{}", script);
        return exit_code::ok;
    }
    // Kept beside the results: what was submitted is part of the record.
    const fs::path script_path = fs::path(opt.output).replace_extension(".sbatch");
    {
        std::ofstream out(script_path);
        out << script;
        if (!out.flush())
            throw std::runtime_error(fmt::format("cannot write the batch script {}", script_path.string()));
    }
    const long id = submit_with_sbatch(script_path.string());
    fmt::print("Submitted batch job {}\n", id);
    fmt::print(stderr, "script {}; log {}; results {}\n", script_path.string(),
               batch_log_pattern(opt.output, opt.array_split > 0), opt.output);
    return exit_code::ok;
}

}  // namespace

const char* to_string(LauncherChoice c) {
    switch (c) {
        case LauncherChoice::mpirun: return "mpirun";
        case LauncherChoice::srun: return "srun";
        case LauncherChoice::automatic: return "auto";
    }
    return "auto";
}

int submit_command(SubmitOptions opt) {
    if (opt.output.empty()) opt.output = fs::path(opt.job_path).stem().string() + ".h5";
    // Absolute: the batch script runs wherever SLURM starts it.
    opt.job_path = fs::absolute(opt.job_path).lexically_normal().string();
    opt.output = fs::absolute(opt.output).lexically_normal().string();
    if (opt.scheduler == SchedulerKind::none) return run_in_allocation(opt, this_executable());
    return submit_batch(opt);
}

}  // namespace perfmatrix
