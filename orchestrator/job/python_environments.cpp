#include "orchestrator/job/python_environments.hpp"

#include "orchestrator/environments/requirements.hpp"
#include "orchestrator/job/python_axis.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace perfmatrix {
namespace {

// The case's value of its benchmark's `python` axis, when the benchmark has `requirements`;
// null when the case has no environment.
const PythonAxisValue* python_value_of(const BenchmarkInfo& b, const Case& c) {
    if (b.requirements.empty()) return nullptr;
    const auto axis = std::find_if(c.axes.begin(), c.axes.end(),
                                   [](const AxisValue& a) { return a.axis == kPythonAxis; });
    if (axis == c.axes.end()) return nullptr;
    const auto v = std::find_if(b.python.begin(), b.python.end(),
                                [&](const PythonAxisValue& p) { return p.value == axis->value; });
    return v == b.python.end() || !v->env ? nullptr : &*v;
}

std::string prepare_command_text(const Job& job) {
    const auto& cache = job.env_cache;
    const bool named = cache.source == EnvCacheSource::command_line || cache.source == EnvCacheSource::environment;
    return fmt::format("perfmatrix prepare {}{}", job.path, named ? fmt::format(" --env-cache {}", cache.dir) : "");
}

}  // namespace

EnvSpec env_spec_of(const PythonAxisValue& python, const std::vector<std::string>& requirements) {
    return EnvSpec{python.label, python.interpreter, python.version, requirements};
}

void attach_environments(std::vector<PythonAxisValue>& python, const std::vector<std::string>& requirements,
                         const std::string& cache) {
    for (auto& v : python) {
        v.env = lookup_env(cache, env_spec_of(v, requirements));
        // A failed or missing environment leaves `{python}` at the interpreter: its cases are
        // skipped (failed) or the job is refused (missing) before anything runs it.
        if (v.env->state == EnvState::ok) v.executable = v.env->python;
    }
}

std::vector<EnvSpec> environments_needed(const Job& job) {
    std::vector<EnvSpec> out;
    std::set<std::string> seen;
    for (const auto& b : job.benchmarks) {
        if (b.requirements.empty()) continue;
        for (const auto& v : b.python) {
            auto spec = env_spec_of(v, b.requirements);
            if (seen.insert(env_dir_name(spec)).second) out.push_back(std::move(spec));
        }
    }
    return out;
}

std::string missing_environments_message(const Job& job) {
    std::vector<std::string> lines;
    std::set<std::string> seen;
    for (const auto& b : job.benchmarks) {
        for (const auto& v : b.python) {
            if (!v.env || v.env->state != EnvState::missing || !seen.insert(v.env->name).second) continue;
            lines.push_back(fmt::format("  python {} ({}, {}) with {}: {} ({})", v.value, v.label, v.interpreter,
                                        requirements_text(b.requirements), v.env->problem, v.env->dir));
        }
    }
    if (lines.empty()) return "";
    return fmt::format(
        "{} Python environment{} not prepared in {} (`run` uses only prepared ones: compute nodes often "
        "have no network):\n{}\nprepare them with: {}",
        lines.size(), lines.size() == 1 ? " is" : "s are", job.env_cache.dir, fmt::join(lines, "\n"),
        prepare_command_text(job));
}

CaseEnvironment case_environment(const Job& job, const Case& c) {
    const BenchmarkInfo* b = find_benchmark(job, c.benchmark);
    return b ? case_environment(*b, c) : CaseEnvironment{};
}

CaseEnvironment case_environment(const BenchmarkInfo& benchmark, const Case& c) {
    CaseEnvironment out;
    const PythonAxisValue* v = python_value_of(benchmark, c);
    if (!v) return out;
    const auto& env = *v->env;
    const auto& requirements = benchmark.requirements;
    out.entries = {{"python_env.dir", env.dir},
                   {"python_env.state", to_string(env.state)},
                   {"python_env.interpreter", v->interpreter},
                   {"python_env.requirements", requirements_text(requirements)}};
    if (env.state == EnvState::failed) {
        out.skip_reason = fmt::format("its Python environment ({} with {}, {}) failed to install: {}", v->label,
                                      requirements_text(requirements), env.dir, env.problem);
    }
    if (!env.manifest) return out;
    out.entries.emplace_back("python_env.pip", env.manifest->pip_version);
    out.entries.emplace_back("python_env.created", env.manifest->created);
    for (const auto& p : env.manifest->packages) out.entries.emplace_back("python_env.package." + p.name, p.version);
    return out;
}

bool needs_prepare(const Job& job, const Case& c) {
    const BenchmarkInfo* b = find_benchmark(job, c.benchmark);
    return b && needs_prepare(*b, c);
}

bool needs_prepare(const BenchmarkInfo& benchmark, const Case& c) {
    const PythonAxisValue* v = python_value_of(benchmark, c);
    return v && v->env->state == EnvState::missing;
}

bool skipped_for_environment(const BenchmarkInfo& benchmark, const Case& c) {
    const PythonAxisValue* v = python_value_of(benchmark, c);
    return v && v->env->state == EnvState::failed;
}

}  // namespace perfmatrix
