#include "measure/model/case_json.hpp"
#include "orchestrator/cli/case_options.hpp"
#include "orchestrator/cli/command_errors.hpp"
#include "orchestrator/cli/commands.hpp"
#include "orchestrator/environments/requirements.hpp"
#include "orchestrator/job/job.hpp"
#include "orchestrator/job/job_selection.hpp"
#include "orchestrator/job/python_environments.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <variant>

namespace perfmatrix {
namespace {

std::string axes_text(const Case& c) {
    std::string s;
    for (const auto& a : c.axes) s += fmt::format("{}{}={}", s.empty() ? "" : " ", a.axis, a.value);
    return s;
}

// "ok: numpy 2.1.3 (prepared <time>, pip <version>)" or "failed: <pip's reason>; ...".
std::string env_state_text(const EnvLookup& env, const std::vector<std::string>& requirements) {
    if (env.state == EnvState::failed) return fmt::format("failed: {}; its cases are recorded skipped", env.problem);
    if (env.state == EnvState::missing) return fmt::format("missing: {}", env.problem);
    std::vector<std::string> versions;
    for (const auto& r : requirements) {
        const auto parsed = parse_requirement(r);
        const auto name = std::get<Requirement>(parsed).name;  // canonical texts always parse
        versions.push_back(fmt::format("{} {}", name, installed_version(*env.manifest, name)));
    }
    return fmt::format("ok: {} (prepared {}, pip {})", fmt::join(versions, ", "), env.manifest->created,
                       env.manifest->pip_version);
}

const char* cache_source_text(EnvCacheSource source) {
    switch (source) {
        case EnvCacheSource::command_line: return "--env-cache";
        case EnvCacheSource::environment: return "$PERFMATRIX_ENV_CACHE";
        case EnvCacheSource::job: return "[job] env_cache";
        case EnvCacheSource::fallback: return "the default";
    }
    return "?";
}

void print_python_values(const BenchmarkInfo& b) {
    if (!b.requirements.empty()) fmt::print("  requirements: {}\n", requirements_text(b.requirements));
    for (const auto& p : b.python) {
        fmt::print("  python {} = {}{}\n", p.value, p.executable,
                   p.label == p.value ? "" : fmt::format(" ({})", p.label));
        if (p.env) fmt::print("    environment {}: {}\n", p.env->name, env_state_text(*p.env, b.requirements));
    }
}

// `plan --json`: every case as `perfmatrix-measure` gets it, with what the plan says of it.
// Bumped when a field changes meaning or disappears (adding fields does not bump it).
constexpr int plan_json_format_version = 1;

int print_plan_json(const Job& job, const PlanOptions& opt) {
    nlohmann::ordered_json cases = nlohmann::ordered_json::array();
    std::size_t units = 0;
    for (const Case& c : job.cases) {
        nlohmann::ordered_json axes = nlohmann::ordered_json::object();
        for (const auto& a : c.axes) axes[a.axis] = a.value;
        const CaseEnvironment env = case_environment(job, c);
        cases.push_back({{"case_id", c.id},
                         {"benchmark", c.benchmark},
                         {"kind", c.kind},
                         {"axes", axes},
                         {"params", c.params},
                         {"settings", case_to_json(c).at("settings")},
                         {"needs_prepare", needs_prepare(job, c)},
                         {"skip_reason", env.skip_reason.empty() ? nlohmann::ordered_json(nullptr)
                                                                 : nlohmann::ordered_json(env.skip_reason)}});
        units += static_cast<std::size_t>(c.settings.rounds);
    }
    const nlohmann::ordered_json doc = {
        {"format_version", plan_json_format_version},
        {"job", {{"name", job.name}, {"path", job.path}, {"sha256", job.hash}}},
        {"units", units},
        {"selection", opt.selection.empty() ? nlohmann::ordered_json(nullptr)
                                            : nlohmann::ordered_json::parse(opt.selection.to_json())},
        {"settings_override", opt.settings.to_json()},
        {"missing_environments",
         job.missing_environments ? nlohmann::ordered_json(job.missing_environments->message) : nullptr},
        {"cases", cases}};
    fmt::print("{}\n", doc.dump(2));
    return exit_code::ok;
}

}  // namespace

int plan_command(const PlanOptions& opt) {
    const std::string& job_path = opt.job_path;
    const bool verbose = opt.verbose;
    const std::string& env_cache = opt.env_cache;
    // A dry run: unprepared environments are shown as missing, their cases marked, and what
    // `run` would refuse is said last, without failing the plan.
    Job job = load_job(job_path, EnvOptions{env_cache, false});
    const std::size_t all_cases = job.cases.size();
    keep_selected(job, opt.selection);
    apply_overrides(job, opt.settings);
    if (opt.json) return print_plan_json(job, opt);
    fmt::print("job {} ({}, sha256 {})\n", job.name.empty() ? "(unnamed)" : job.name, job.path, job.hash.substr(0, 12));
    if (!opt.selection.empty())
        fmt::print("selected: {} ({} of {} cases)\n", opt.selection.describe(), job.cases.size(), all_cases);
    if (!opt.settings.empty()) fmt::print("settings from the command line: {}\n", opt.settings.describe());
    const bool has_requirements = std::any_of(job.benchmarks.begin(), job.benchmarks.end(),
                                              [](const BenchmarkInfo& b) { return !b.requirements.empty(); });
    if (has_requirements)
        fmt::print("python environments in {} ({})\n", job.env_cache.dir, cache_source_text(job.env_cache.source));
    std::size_t i = 0;
    for (const auto& b : job.benchmarks) {
        fmt::print("\nbenchmark {} (kind {}): {} case{}{}\n", b.name, b.kind, b.cases, b.cases == 1 ? "" : "s",
                   b.axes.empty() ? "" : fmt::format(", axes: {}", fmt::join(b.axes, ", ")));
        print_python_values(b);
        for (std::size_t k = 0; k < b.cases; ++k, ++i) {
            const Case& c = job.cases[i];
            fmt::print("  {:<28} {}{}\n", c.id, axes_text(c), needs_prepare(job, c) ? "  [needs prepare]" : "");
            if (verbose) fmt::print("      params {}\n", c.params.dump());
        }
    }
    const auto skipped = std::count_if(job.cases.begin(), job.cases.end(),
                                       [&](const Case& c) { return !case_environment(job, c).skip_reason.empty(); });
    fmt::print("\n{} case{} planned\n", job.cases.size(), job.cases.size() == 1 ? "" : "s");
    std::size_t units = 0;
    for (const Case& c : job.cases) units += static_cast<std::size_t>(c.settings.rounds);
    fmt::print("{} units to run: each case in its rounds (`rounds`, or `perfmatrix run --rounds N`)\n", units);
    if (skipped) fmt::print("{} of them will be recorded skipped, not run: their Python environment failed\n", skipped);
    if (job.missing_environments) {
        const auto unprepared = std::count_if(job.cases.begin(), job.cases.end(),
                                              [&](const Case& c) { return needs_prepare(job, c); });
        fmt::print("{} of them need `perfmatrix prepare` first: `run` refuses the job until then.\n{}\n", unprepared,
                   job.missing_environments->message);
    }
    return exit_code::ok;
}

Subcommand register_plan(CLI::App& app) {
    auto opt = std::make_shared<PlanOptions>();
    CLI::App* cmd = app.add_subcommand("plan", "Print the cases a job expands to; runs nothing");
    cmd->add_option("job", opt->job_path, "Job file (TOML)")->required();
    cmd->add_flag("-v,--verbose", opt->verbose, "Also print each case's parameters");
    cmd->add_flag("--json", opt->json, "Print the plan as one JSON document (every case's parameters and settings)");
    cmd->add_option("--env-cache", opt->env_cache, "Where `requirements` find prepared Python environments");
    auto settings = std::make_shared<SettingOptions>();
    add_setting_options(*cmd, *settings);
    add_selection_options(*cmd, opt->selection);
    return {cmd, [opt, settings] {
                settings->finish();
                opt->settings = settings->settings;
                return run_reporting_errors("plan", [&] { return plan_command(*opt); });
            }};
}

}  // namespace perfmatrix
