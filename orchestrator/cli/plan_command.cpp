#include "measure/model/case_json.hpp"
#include "orchestrator/cli/case_options.hpp"
#include "orchestrator/cli/command_errors.hpp"
#include "orchestrator/cli/commands.hpp"
#include "orchestrator/environments/requirements.hpp"
#include "orchestrator/interpreters/interpreter_catalog.hpp"
#include "orchestrator/job/job.hpp"
#include "orchestrator/job/job_selection.hpp"
#include "orchestrator/job/overrides.hpp"
#include "orchestrator/job/python_environments.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <exception>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <variant>
#include <vector>

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

// A plan is printed from two passes over the job's cases, neither of which keeps them: a job of
// 10^6 cases holds about 0.8 GB of them (docs/scale.md). The first finds every error and counts
// what the header and the totals say; only then does the second print the cases, as it makes
// them again from the same parsed text.
struct PlanCounts {
    std::size_t all = 0;                // cases of the whole job
    std::vector<std::size_t> selected;  // per benchmark, in file order
    std::size_t cases = 0;              // selected cases
    std::size_t units = 0;              // their rounds
    std::size_t skipped = 0;            // of them, recorded skipped: their environment failed
    std::size_t unprepared = 0;         // of them, waiting for `perfmatrix prepare`
};

// The selection's matcher, or (for a -k that is no regular expression, or an unknown
// --category) nothing yet: that error is reported after the job's own, as it always was.
struct PlanSelection {
    const Selection& selection;
    std::optional<SelectionMatcher> matcher;
    std::exception_ptr error;

    explicit PlanSelection(const Selection& s) : selection(s) {
        if (s.empty()) return;
        try {
            check_selection(s);
            matcher.emplace(s);
        } catch (const std::invalid_argument&) {
            error = std::current_exception();
        }
    }
    bool keeps(const Case& c) const { return !matcher || matcher->matches(selection_key(c, selection)); }
};

// One case of `plan --json`.
nlohmann::ordered_json case_json(const BenchmarkInfo& b, const Case& c) {
    nlohmann::ordered_json axes = nlohmann::ordered_json::object();
    for (const auto& a : c.axes) axes[a.axis] = a.value;
    const CaseEnvironment env = case_environment(b, c);
    return {{"case_id", c.id},
            {"benchmark", c.benchmark},
            {"kind", c.kind},
            {"axes", axes},
            {"params", c.params},
            {"settings", case_to_json(c).at("settings")},
            {"needs_prepare", needs_prepare(b, c)},
            {"skip_reason",
             env.skip_reason.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(env.skip_reason)}};
}

// The first pass: loads the job, counting the selected cases (with the command line's settings).
Job count_cases(const JobText& text, const PlanOptions& opt, InterpreterCatalog& interpreters,
                const PlanSelection& selection, PlanCounts& counts) {
    std::string benchmark;
    Job job = text.load(interpreters, EnvOptions{opt.env_cache, false}, [&](const BenchmarkInfo& b, Case&& c) {
        if (counts.selected.empty() || b.name != benchmark) {
            benchmark = b.name;
            counts.selected.push_back(0);
        }
        ++counts.all;
        if (!selection.keeps(c)) return;
        apply_overrides(c, opt.settings);
        ++counts.selected.back();
        ++counts.cases;
        counts.units += static_cast<std::size_t>(c.settings.rounds);
        counts.skipped += skipped_for_environment(b, c) ? 1 : 0;
        counts.unprepared += needs_prepare(b, c) ? 1 : 0;
    });
    if (selection.error) std::rethrow_exception(selection.error);
    if (!opt.selection.empty()) {
        if (counts.cases == 0) throw std::invalid_argument(nothing_selected(opt.selection, job.path, counts.all));
        keep_counted(job, counts.selected, counts.unprepared > 0);
    }
    return job;
}

// The second pass: makes the cases again and hands each selected one, with the command line's
// settings, to `print`. A job whose cases differ from the first pass' (a glob axis that matched
// other files meanwhile) is an error rather than a plan whose totals are wrong.
void print_cases(const JobText& text, const PlanOptions& opt, InterpreterCatalog& interpreters,
                 const PlanSelection& selection, const Job& job, const PlanCounts& counts,
                 const std::function<void(const BenchmarkInfo&, const Case&)>& print) {
    std::size_t all = 0, printed = 0;
    text.load(interpreters, EnvOptions{opt.env_cache, false}, [&](const BenchmarkInfo&, Case&& c) {
        ++all;
        if (!selection.keeps(c)) return;
        const BenchmarkInfo* b = find_benchmark(job, c.benchmark);
        if (!b) return;  // checked below: the counts differ
        apply_overrides(c, opt.settings);
        ++printed;
        print(*b, c);
    });
    if (all != counts.all || printed != counts.cases)
        throw std::runtime_error(
            fmt::format("the job's cases changed while it was planned ({} cases, then {}): a "
                        "glob axis or an interpreter changed; plan it again",
                        counts.all, all));
}

// Indents every line of `text` by `prefix`: a case's JSON at its depth in the document.
std::string indented(const std::string& text, std::string_view prefix) {
    std::string out(prefix);
    out.reserve(text.size() + text.size() / 8);
    for (const char ch : text) {
        out.push_back(ch);
        if (ch == '\n') out += prefix;
    }
    return out;
}

int print_plan_json(const JobText& text, const PlanOptions& opt, InterpreterCatalog& interpreters,
                    const PlanSelection& selection, const Job& job, const PlanCounts& counts) {
    const nlohmann::ordered_json doc = {
        {"format_version", plan_json_format_version},
        {"job", {{"name", job.name}, {"path", job.path}, {"sha256", job.hash}}},
        {"units", counts.units},
        {"selection", opt.selection.empty() ? nlohmann::ordered_json(nullptr)
                                            : nlohmann::ordered_json::parse(opt.selection.to_json())},
        {"settings_override", opt.settings.to_json()},
        {"missing_environments",
         job.missing_environments ? nlohmann::ordered_json(job.missing_environments->message) : nullptr},
        {"cases", nlohmann::ordered_json::array()}};
    // The document as nlohmann's dump(2) writes it, with the cases written one at a time into
    // its (last) "cases" array.
    std::string head = doc.dump(2);
    const std::string empty_cases = "[]\n}";
    head.resize(head.size() - empty_cases.size());
    fmt::print("{}[", head);
    bool first = true;
    print_cases(text, opt, interpreters, selection, job, counts, [&](const BenchmarkInfo& b, const Case& c) {
        fmt::print("{}\n{}", first ? "" : ",", indented(case_json(b, c).dump(2), "    "));
        first = false;
    });
    fmt::print("{}]\n}}\n", first ? "" : "\n  ");
    return exit_code::ok;
}

int print_plan_text(const JobText& text, const PlanOptions& opt, InterpreterCatalog& interpreters,
                    const PlanSelection& selection, const Job& job, const PlanCounts& counts) {
    fmt::print("job {} ({}, sha256 {})\n", job.name.empty() ? "(unnamed)" : job.name, job.path, job.hash.substr(0, 12));
    if (!opt.selection.empty())
        fmt::print("selected: {} ({} of {} cases)\n", opt.selection.describe(), counts.cases, counts.all);
    if (!opt.settings.empty()) fmt::print("settings from the command line: {}\n", opt.settings.describe());
    const bool has_requirements = std::any_of(job.benchmarks.begin(), job.benchmarks.end(),
                                              [](const BenchmarkInfo& b) { return !b.requirements.empty(); });
    if (has_requirements)
        fmt::print("python environments in {} ({})\n", job.env_cache.dir, cache_source_text(job.env_cache.source));
    const BenchmarkInfo* current = nullptr;
    print_cases(text, opt, interpreters, selection, job, counts, [&](const BenchmarkInfo& b, const Case& c) {
        if (&b != current) {
            current = &b;
            fmt::print("\nbenchmark {} (kind {}): {} case{}{}\n", b.name, b.kind, b.cases, b.cases == 1 ? "" : "s",
                       b.axes.empty() ? "" : fmt::format(", axes: {}", fmt::join(b.axes, ", ")));
            print_python_values(b);
        }
        fmt::print("  {:<28} {}{}\n", c.id, axes_text(c), needs_prepare(b, c) ? "  [needs prepare]" : "");
        if (opt.verbose) fmt::print("      params {}\n", c.params.dump());
    });
    fmt::print("\n{} case{} planned\n", counts.cases, counts.cases == 1 ? "" : "s");
    fmt::print("{} units to run: each case in its rounds (`rounds`, or `perfmatrix run --rounds N`)\n", counts.units);
    if (counts.skipped)
        fmt::print("{} of them will be recorded skipped, not run: their Python environment failed\n", counts.skipped);
    if (job.missing_environments) {
        fmt::print("{} of them need `perfmatrix prepare` first: `run` refuses the job until then.\n{}\n",
                   counts.unprepared, job.missing_environments->message);
    }
    return exit_code::ok;
}

}  // namespace

int plan_command(const PlanOptions& opt) {
    // A dry run: unprepared environments are shown as missing, their cases marked, and what
    // `run` would refuse is said last, without failing the plan.
    const JobText text(read_job_file(opt.job_path), opt.job_path);
    MachineInterpreters interpreters;  // both passes: probed once, when a python axis needs it
    const PlanSelection selection(opt.selection);
    PlanCounts counts;
    const Job job = count_cases(text, opt, interpreters, selection, counts);
    if (opt.json) return print_plan_json(text, opt, interpreters, selection, job, counts);
    return print_plan_text(text, opt, interpreters, selection, job, counts);
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
