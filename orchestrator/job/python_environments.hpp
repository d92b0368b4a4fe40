#pragma once
// A benchmark's `requirements`: Python packages installed, by `perfmatrix prepare`, in a
// virtual environment per interpreter of its `python` axis (docs/python.md, "Python environments").
// Loading a job (requirements_reading.hpp reads the key) looks each environment up in the cache and points `{python}`
// at the ready ones; running it skips the cases whose environment failed and records the others'.

#include "orchestrator/environments/env_spec.hpp"
#include "orchestrator/job/job.hpp"

#include <string>
#include <utility>
#include <vector>

namespace perfmatrix {

// The environment a python value with these requirements needs.
EnvSpec env_spec_of(const PythonAxisValue& python, const std::vector<std::string>& requirements);

// Looks up each value's environment in `cache`; a ready one becomes what `{python}` is.
void attach_environments(std::vector<PythonAxisValue>& python, const std::vector<std::string>& requirements,
                         const std::string& cache);

// The environments the job needs, each once, in the order its benchmarks first need them.
std::vector<EnvSpec> environments_needed(const Job& job);

// "" when every environment the job needs is prepared (ok or failed); else the message that
// lists the missing ones and the `perfmatrix prepare` command that makes them.
std::string missing_environments_message(const Job& job);

// What a case's environment means for its record.
struct CaseEnvironment {
    // Not empty: the environment failed to install; record the case `skipped` with this
    // reason, without running it.
    std::string skip_reason;
    // python_env.* entries for the case's environment record: the directory, requirements,
    // state, pip and every installed package's version. Empty without requirements.
    std::vector<std::pair<std::string, std::string>> entries;
};

CaseEnvironment case_environment(const Job& job, const Case& c);
// The same, given the case's benchmark.
CaseEnvironment case_environment(const BenchmarkInfo& benchmark, const Case& c);

// A case whose Python environment is not prepared yet: `run` refuses the job until it is.
bool needs_prepare(const Job& job, const Case& c);
bool needs_prepare(const BenchmarkInfo& benchmark, const Case& c);

// A case whose Python environment failed to install: case_environment gives it a skip_reason.
bool skipped_for_environment(const BenchmarkInfo& benchmark, const Case& c);

}  // namespace perfmatrix
