#include "orchestrator/cluster/slurm_scheduler.hpp"

#include "orchestrator/helpers/helper_command.hpp"

#include <fmt/format.h>

#include <regex>
#include <stdexcept>

namespace perfmatrix {

std::optional<long> parse_sbatch_job_id(std::string_view sbatch_output) {
    static const std::regex submitted(R"(Submitted batch job (\d+))");
    std::match_results<std::string_view::const_iterator> m;
    if (!std::regex_search(sbatch_output.begin(), sbatch_output.end(), m, submitted)) return std::nullopt;
    return std::stol(m[1].str());
}

long submit_with_sbatch(const std::string& script_path) {
    HelperCommand cmd;
    cmd.argv = {"sbatch", script_path};
    cmd.timeout = 120;        // sbatch retries a busy controller for a while, then gives up itself
    cmd.merge_stderr = true;  // its refusal is on stderr, its job id on stdout: both are quoted
    std::string output;
    cmd.on_line = [&](std::string_view line) { output.append(line).append("\n"); };
    const auto run = run_helper(cmd);
    if (run.end == HelperRun::End::spawn_failed)
        throw std::runtime_error(
            fmt::format("cannot start sbatch ({}); is SLURM's client installed and on PATH?", run.spawn_error));
    if (!run.ok()) throw std::runtime_error(fmt::format("sbatch {}: {}", run.failure(cmd.timeout), output));
    const auto id = parse_sbatch_job_id(output);
    if (!id) throw std::runtime_error(fmt::format("sbatch answered without a job id: {}", output));
    return *id;
}

}  // namespace perfmatrix
