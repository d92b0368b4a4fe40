#pragma once
// Job files: a TOML file declaring benchmarks and their matrices, loaded into the flat list of
// cases the orchestrator schedules. Everything that can be wrong with a job is found here,
// before anything runs, and reported as a JobError at its place in the file.
// docs/job-files.md, describes the file format.

#include "measure/model/case.hpp"
#include "orchestrator/environments/env_cache.hpp"
#include "orchestrator/job/job_error.hpp"
#include "orchestrator/job/tax_declaration.hpp"

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace perfmatrix {

class InterpreterCatalog;  // orchestrator/interpreters/interpreter_catalog.hpp

// A value of a `python` axis written as interpreter specs, and what it resolved to on the
// machine that planned (docs/python.md, "Python interpreters").
struct PythonAxisValue {
    std::string value;  // the case's axis value: the spec as written, or a label for "all"
    std::string label;  // the interpreter's label, e.g. "3.12.1"
    // What `{python}` becomes: the interpreter, or with `requirements` its prepared
    // environment's bin/python (docs/python.md, "Python environments").
    std::string executable;
    std::string interpreter;       // the interpreter's own (real) executable
    std::string version;           // its version, "3.12.1"
    std::optional<EnvLookup> env;  // with `requirements`: the environment it needs, and its state
};

struct BenchmarkInfo {
    std::string name;
    std::string kind;
    // Axis names of its cases: the declared axes in declaration order, then keys that only
    // `include` entries add, in the order they first appear.
    std::vector<std::string> axes;
    std::size_t cases = 0;
    std::vector<PythonAxisValue> python;    // empty unless its `python` axis lists interpreter specs
    std::vector<std::string> requirements;  // `requirements`, canonical and sorted; empty: none
    std::optional<TaxDeclaration> tax;      // `tax`: a side of the interpreter-tax table
};

// Finds a benchmark's place by name without building a string for each look-up.
struct BenchmarkNameHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view name) const { return std::hash<std::string_view>{}(name); }
};
using BenchmarkIndex = std::unordered_map<std::string, std::size_t, BenchmarkNameHash, std::equal_to<>>;

struct Job {
    std::string path;  // as given to load_job, or parse_job's source_name
    std::string text;  // the file's full text, kept with the results
    std::string hash;  // sha-256 of text, lowercase hex
    std::string name;  // [job] name; defaults to the file name without its extension
    std::string description;
    std::vector<BenchmarkInfo> benchmarks;  // in file order
    std::vector<Case> cases;                // benchmark order, then matrix order
    EnvCacheChoice env_cache;               // where `requirements` look for prepared environments
    // Loaded with EnvOptions::require_prepared off: the error a job with unprepared
    // environments otherwise gets (plan prints the plan, then this).
    std::optional<JobError> missing_environments;
    // Where each benchmark sits in `benchmarks`, by name, for find_benchmark: the loader and
    // keep_selected keep it (index_benchmarks); a Job put together otherwise still finds its
    // benchmarks, by a search.
    BenchmarkIndex benchmark_index;
};

// The benchmark named `name`, or null. Constant time while benchmark_index is kept: plan and
// run look one up for each case, and a job may have 10^5 benchmarks.
const BenchmarkInfo* find_benchmark(const Job& job, std::string_view name);

// Rebuilds job.benchmark_index after job.benchmarks changed.
void index_benchmarks(Job& job);

// Takes each case as the loader makes it, in plan order, in place of Job::cases (which it
// leaves empty): a plan of 10^6 cases need not hold them. `benchmark` is the case's benchmark,
// complete (its case count, axes and Python values) but not yet in Job::benchmarks.
using CaseSink = std::function<void(const BenchmarkInfo& benchmark, Case&& c)>;

// How a job's `requirements` meet the environment cache.
struct EnvOptions {
    std::string env_cache;  // --env-cache DIR; empty: $PERFMATRIX_ENV_CACHE, [job] env_cache, the default
    // A benchmark's interpreter whose environment is not prepared makes the job fail to load,
    // with one error naming every such environment and the `perfmatrix prepare` command (plan,
    // run). `perfmatrix prepare` itself turns this off to learn what to prepare.
    bool require_prepared = true;
};

// Reads and loads a job file. Throws JobError; an unreadable file is reported at line 0,
// column 0. A `python` axis of interpreter specs is resolved against this machine's
// interpreters, discovered only if some benchmark has one.
Job load_job(const std::filesystem::path& file);

// Loads a job from text; source_name is used in locations and as Job::path.
Job parse_job(std::string_view text, const std::string& source_name);

// The same, resolving `python` axes against the given interpreters (tests give a fixed set).
Job load_job(const std::filesystem::path& file, InterpreterCatalog& interpreters);
Job parse_job(std::string_view text, const std::string& source_name, InterpreterCatalog& interpreters);

// The same, with `requirements` looked up as `envs` says (the others use EnvOptions{}).
Job load_job(const std::filesystem::path& file, const EnvOptions& envs);
Job load_job(const std::filesystem::path& file, InterpreterCatalog& interpreters, const EnvOptions& envs);
Job parse_job(std::string_view text, const std::string& source_name, InterpreterCatalog& interpreters,
              const EnvOptions& envs);

// The same, handing the cases to `sink` (CaseSink) rather than keeping them. A job with an error
// throws its JobError after `sink` took some cases: keep what it took until this returns.
Job parse_job(std::string_view text, const std::string& source_name, InterpreterCatalog& interpreters,
              const EnvOptions& envs, const CaseSink& sink);

// The text of a job file, as load_job reads it (a JobError at line 0 when it cannot).
std::string read_job_file(const std::filesystem::path& file);

// A job's text parsed once, to be loaded more than once: `plan` loads it twice (a pass that
// counts, a pass that prints) so as to hold none of its cases, and reading and parsing a file of
// 10^5 benchmarks twice cost a third of that. A TOML syntax error throws its JobError here.
class JobText {
public:
    JobText(std::string text, std::string source_name);
    ~JobText();
    JobText(const JobText&) = delete;
    JobText& operator=(const JobText&) = delete;

    // parse_job(text, source_name, interpreters, envs, sink).
    Job load(InterpreterCatalog& interpreters, const EnvOptions& envs, const CaseSink& sink) const;

private:
    struct Parsed;  // the TOML tree, kept out of this header
    std::string text_;
    std::string source_name_;
    std::string hash_;
    std::unique_ptr<Parsed> parsed_;
};

}  // namespace perfmatrix
