#pragma once
// Parameters of kind `python_workload`: declaration (for job checking) and parsing (for the
// runner), from one parser, so a job that passes the check cannot fail to parse later.

#include "measure/model/kind.hpp"
#include "measure/python/runtime_settings.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace perfmatrix::python {

struct PythonParams {
    std::string python;    // interpreter: a path, or a bare name looked up in the worker's PATH
    std::string workload;  // harness.py --workload
    std::vector<std::pair<std::string, std::string>> args;  // --param KEY=VALUE, in key order
    std::vector<std::string> flags{"-I"};  // interpreter flags, before the script; ["-s"] by default with pymalloc/jit
    // PYTHONHASHSEED for the child. nullopt when the flags make Python ignore it (-I, -E):
    // setting it then would only make the record lie.
    std::optional<std::string> hash_seed;
    std::vector<std::pair<std::string, std::string>> env;  // set in the child, after inherited ones
    std::vector<std::string> inherit_env;                  // names taken from the worker; a trailing '*' is a prefix
    double sample_time = 0.1;                              // seconds: harness loop calibration target
    long long loops = 0;                                   // 0: the harness calibrates
    RuntimeSettings runtime;                               // pymalloc, allocator, jit
    // if_missing = "skip": an interpreter that does not exist here (say pypy3 on a machine
    // without it) records the case skipped with that reason instead of failing it.
    bool skip_if_missing = false;
};

std::variant<PythonParams, ParamProblem> parse_python_params(const nlohmann::json& params);
Kind python_kind();

// {"gpu"} for a case whose workload args say device = "cuda" (or "cuda:N"): it needs a GPU, so a
// rank without one is never handed it (Kind::implied_requires).
std::vector<std::string> python_implied_requires(const nlohmann::json& params);

// The names copied from the worker's environment unless `inherit_env` says otherwise: what a
// program needs to run (like pyperf's whitelist), plus the threading variables that change
// numpy/torch speed.
const std::vector<std::string>& default_inherit_env();

// The `inherit_env` parameter (`fallback` when absent): variable names, a trailing '*' for a
// prefix. Throws InvalidParam (param_reading.hpp) for a bad one. Shared with kind pyperf.
std::vector<std::string> read_inherit_env(const nlohmann::json& params, const std::vector<std::string>& fallback);

}  // namespace perfmatrix::python
