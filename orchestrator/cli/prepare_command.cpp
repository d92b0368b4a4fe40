// `perfmatrix prepare JOB`: makes the virtual environments a job's `requirements` need, one per
// interpreter and requirement set, in the environment cache, from PyPI (or --find-links), one
// after another (pip is network and disk bound). `run` then only uses them: compute nodes often
// have no network.

#include "orchestrator/cli/command_errors.hpp"
#include "orchestrator/cli/commands.hpp"
#include "orchestrator/environments/env_cache.hpp"
#include "orchestrator/environments/requirements.hpp"
#include "orchestrator/job/job.hpp"
#include "orchestrator/job/python_environments.hpp"
#include "orchestrator/run/signals.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <exception>
#include <optional>
#include <stdexcept>
#include <variant>

namespace perfmatrix {
namespace {

struct Prepared {
    EnvSpec spec;
    EnvLookup env;  // after preparing
    bool reused = false;
};

void print_line(const std::string& prefix, std::string_view line) {
    fmt::print("{}{}\n", prefix, line);
    std::fflush(stdout);  // pip runs for minutes: show each line as it comes, even through a pipe
}

// "numpy 2.2.6, torch 2.5.1": the requested packages as installed.
std::string requested_versions(const EnvSpec& spec, const EnvManifest& m) {
    std::vector<std::string> out;
    for (const auto& r : spec.requirements) {
        const auto name = std::get<Requirement>(parse_requirement(r)).name;  // canonical texts always parse
        out.push_back(fmt::format("{} {}", name, installed_version(m, name)));
    }
    return fmt::format("{}", fmt::join(out, ", "));
}

std::string outcome_text(const Prepared& p) {
    const auto& m = *p.env.manifest;
    if (!m.ok) return fmt::format("failed: {}", m.reason);
    return fmt::format("{}: {} (pip {}, {:.1f} s)", p.reused ? "up to date" : "ok", requested_versions(p.spec, m),
                       m.pip_version, m.seconds);
}

// Makes one environment unless it is ready (or --force). nullopt when interrupted.
std::optional<Prepared> prepare_one(const PrepareOptions& args, const std::string& cache, const EnvSpec& spec,
                                    const std::string& prefix) {
    Prepared p{spec, lookup_env(cache, spec)};
    if (p.env.state == EnvState::ok && !args.force) {
        p.reused = true;
        print_line(prefix, fmt::format("{} in {}", outcome_text(p), p.env.dir));
        return p;
    }
    if (p.env.state == EnvState::failed)
        print_line(prefix, fmt::format("failed before ({}): trying again", p.env.problem));
    print_line(prefix, fmt::format("making {}", p.env.dir));
    BuildHooks hooks{[&](std::string_view line) { print_line(prefix, line); },
                     [] { return InterruptGuard::requested(); }};
    if (!build_env(cache, spec, args.pip, hooks)) return std::nullopt;
    p.env = lookup_env(cache, spec);
    if (!p.env.manifest) throw std::runtime_error(fmt::format("{}: {}", p.env.dir, p.env.problem));
    print_line(prefix, outcome_text(p));
    return p;
}

void print_summary(const std::vector<Prepared>& all, const std::string& cache, double seconds) {
    std::size_t failed = 0;
    fmt::print("\nenvironments in {} ({:.1f} s):\n", cache, seconds);
    for (const auto& p : all) {
        failed += p.env.state == EnvState::failed;
        fmt::print("  {:<24} {}  {}\n", env_title(p.spec), p.env.name, outcome_text(p));
    }
    fmt::print("{} ok, {} failed{}\n", all.size() - failed, failed,
               failed ? ": their cases will be recorded as skipped, with pip's reason" : "");
}

}  // namespace

int prepare_command(const PrepareOptions& args) {
    const Job job = load_job(args.job_path, EnvOptions{args.env_cache, false});
    const auto needed = environments_needed(job);
    if (needed.empty()) {
        fmt::print("{}: no benchmark has `requirements`; nothing to prepare\n", job.path);
        return exit_code::ok;
    }
    const auto& cache = job.env_cache.dir;
    fmt::print("preparing {} Python environment{} in {}\n", needed.size(), needed.size() == 1 ? "" : "s", cache);
    const InterruptGuard interrupts;  // Ctrl-C: pip's process group is killed, its scratch removed
    const auto started = std::chrono::steady_clock::now();
    std::vector<Prepared> all;
    try {
        for (std::size_t i = 0; i < needed.size(); ++i) {
            const auto prefix = fmt::format("[{}/{} {}] ", i + 1, needed.size(), env_title(needed[i]));
            auto p = prepare_one(args, cache, needed[i], prefix);
            if (!p) {
                fmt::print(stderr, "interrupted: nothing of {} was kept; environments finished before stay\n",
                           env_title(needed[i]));
                return exit_code::interrupted;
            }
            all.push_back(std::move(*p));
        }
    } catch (const std::exception& e) {
        fmt::print(stderr, "perfmatrix prepare: {}\n", e.what());
        return exit_code::failure;
    }
    print_summary(all, cache, std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
    return exit_code::ok;
}

Subcommand register_prepare(CLI::App& app) {
    auto opt = std::make_shared<PrepareOptions>();
    CLI::App* cmd = app.add_subcommand(
        "prepare", "Make the Python environments a job's `requirements` need (venv + pip, one per interpreter)");
    cmd->add_option("job", opt->job_path, "Job file (TOML)")->required();
    cmd->add_option("--env-cache", opt->env_cache,
                    "Cache directory (default: $PERFMATRIX_ENV_CACHE, [job] env_cache, ~/.cache/perfmatrix/envs)");
    cmd->add_flag("--force", opt->force, "Rebuild environments that are already prepared");
    cmd->add_option("--find-links", opt->pip.find_links, "pip --find-links: a directory of packages (repeatable)");
    cmd->add_flag("--no-index", opt->pip.no_index, "pip --no-index: only --find-links (offline)");
    cmd->add_flag("--upgrade-pip", opt->pip.upgrade_pip, "Upgrade pip in each environment first (old interpreters)");
    cmd->add_option("--timeout", opt->pip.timeout, "Seconds per environment, venv and pip together (default 3600)")
        ->check(CLI::PositiveNumber);
    return {cmd, [opt] { return run_reporting_errors("prepare", [&] { return prepare_command(*opt); }); }};
}

}  // namespace perfmatrix
