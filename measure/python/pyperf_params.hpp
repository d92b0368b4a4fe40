#pragma once
// Parameters of kind `pyperf`: declaration (for job checking) and parsing (for the runner),
// from one parser, as python_params.hpp does for python_workload.

#include "measure/model/kind.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace perfmatrix::python {

struct PyperfParams {
    std::string python;  // interpreter: a path, or a bare name looked up in the worker's PATH
    std::string script;  // the pyperf script; relative to `package`'s directory when that is set
    // An importable package of the case's interpreter whose directory `script` is relative to
    // (e.g. "pyperformance": its benchmarks live inside the installed package).
    std::optional<std::string> package;
    std::optional<std::string> benchmark;  // one benchmark of a script that defines several
    std::vector<std::string> args;         // the script's own arguments, after pyperf's
    long long values = 3;                  // pyperf's defaults for one worker process
    long long warmups = 1;
    long long loops = 0;         // 0: calibrated in the round, by a pyperf calibration process
    double loop_min_time = 0.1;  // pyperf's --min-time: what loop calibration aims a value at
    std::vector<std::pair<std::string, std::string>> env;  // set in the child, after inherited ones
    std::vector<std::string> inherit_env;                  // names taken from the worker; a trailing '*' is a prefix
};

std::variant<PyperfParams, ParamProblem> parse_pyperf_params(const nlohmann::json& params);
Kind pyperf_kind();

// pyperf's own list of variables a worker inherits (pyperf/_utils.py create_environ, with
// locale), so the same script sees the same environment under pyperf and under perfmatrix.
const std::vector<std::string>& pyperf_inherit_env();

}  // namespace perfmatrix::python
