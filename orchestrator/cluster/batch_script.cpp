#include "orchestrator/cluster/batch_script.hpp"

#include "orchestrator/cluster/batch_template.hpp"
#include "orchestrator/cluster/shell_quote.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <stdexcept>

namespace perfmatrix {
namespace {

// sbatch splits a directive line at whitespace: a value holding some would silently become
// two options.
const std::string& directive_value(const std::string& value, const char* option) {
    const bool bad = std::any_of(value.begin(), value.end(),
                                 [](char c) { return std::isspace(static_cast<unsigned char>(c)) || c == '#'; });
    if (bad)
        throw std::invalid_argument(
            fmt::format("{}: '{}' cannot go into an #SBATCH line (expected no spaces or '#')", option, value));
    return value;
}

void add(std::string& lines, const std::string& text) { lines += "#SBATCH " + text + "\n"; }

void add_optional(std::string& lines, const char* option, const std::string& value) {
    if (!value.empty()) add(lines, fmt::format("{}={}", option, directive_value(value, option)));
}

// The lines that describe one component's resources; each component repeats --time and
// --account, since sbatch gives every component of a heterogeneous job its own.
std::string component_lines(const Component& c, const SubmitOptions& opt) {
    std::string lines;
    add_optional(lines, "--partition", c.partition);
    add(lines, fmt::format("--nodes={}", c.nodes));
    add(lines, fmt::format("--ntasks-per-node={}", c.ntasks_per_node));
    add_optional(lines, "--gres", c.gres);
    add_optional(lines, "--gpus-per-node", c.gpus_per_node);
    add_optional(lines, "--time", opt.time);
    add_optional(lines, "--account", opt.account);
    return lines;
}

std::string job_name_of(const std::string& name) {
    std::string s = "perfmatrix-" + name;
    std::replace_if(
        s.begin(), s.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)) || c == '#'; }, '_');
    return s;
}

// Lines for the whole job, given once in the first component.
std::string job_lines(const SubmitOptions& opt, const BatchScriptInput& in) {
    std::string lines;
    add(lines, "--job-name=" + job_name_of(in.job_name));
    add(lines, "--output=" + directive_value(batch_log_pattern(in.output, opt.array_split > 0), "-o/--output"));
    // B: the signal goes to the batch shell only; the script passes it to the run.
    add(lines, fmt::format("--signal=B:USR1@{}", opt.signal_before));
    add(lines, opt.requeue ? "--requeue" : "--no-requeue");
    if (opt.array_split > 0) add(lines, fmt::format("--array=0-{}", opt.array_split - 1));
    return lines;
}

std::string without_final_newline(std::string s) {
    if (!s.empty() && s.back() == '\n') s.pop_back();
    return s;
}

std::vector<std::string> run_arguments(const SubmitOptions& opt, const BatchScriptInput& in) {
    std::vector<std::string> args{in.job_path, "-o", in.output};
    if (opt.array_split > 0) {
        args.push_back("--array-split");
        args.push_back(std::to_string(opt.array_split));
    }
    if (!opt.env_cache.empty()) {
        args.push_back("--env-cache");
        args.push_back(opt.env_cache);
    }
    return args;
}

}  // namespace

std::string batch_log_pattern(const std::string& output, bool array) {
    const std::filesystem::path out(output);
    const auto stem = out.stem().string();
    return (out.parent_path() / (stem + (array ? "-%A_%a.out" : "-%j.out"))).string();
}

std::string sbatch_directives(const SubmitOptions& opt, const BatchScriptInput& in) {
    if (in.components.empty() || in.components.size() > 2)
        throw std::logic_error("a batch script has one component, or two for a heterogeneous job");
    const std::string first = job_lines(opt, in) + component_lines(in.components[0], opt);
    if (in.components.size() == 1) return without_final_newline(first);
    if (opt.array_split > 0)
        throw std::invalid_argument(
            "--array-split: SLURM has no heterogeneous job arrays; this job needs CPU and GPU components "
            "(--gpu-partition). Submit without --array-split, or without --gpu-partition");
    const std::string second = component_lines(in.components[1], opt);
    return without_final_newline(render_template(builtin_hetjob_template(),
                                                 {{"cpu_component", without_final_newline(first)},
                                                  {"gpu_component", without_final_newline(second)}},
                                                 "slurm/hetjob.directives.in"));
}

std::string render_batch_script(const SubmitOptions& opt, const BatchScriptInput& in, std::string_view body,
                                std::string_view body_name) {
    const std::map<std::string, std::string> values{
        {"directives", sbatch_directives(opt, in)}, {"perfmatrix", shell_quote(in.perfmatrix)},
        {"launcher", to_string(opt.launcher)},      {"run_arguments", shell_join(run_arguments(opt, in))},
        {"requeue", opt.requeue ? "yes" : "no"},    {"version", in.version},
    };
    return render_template(body, values, body_name);
}

}  // namespace perfmatrix
