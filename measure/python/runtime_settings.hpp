#pragma once
// The interpreter's run-time settings a python_workload case may set from outside: CPython's
// object allocator (PYTHONMALLOC), the C library's malloc under it (a preloaded jemalloc or
// tcmalloc, as memory_alloc's), and the JIT (PYTHON_JIT). Each one goes into the child's
// environment and, as `--expect KEY=VALUE`, to the harness, which checks from inside the child
// that it took effect before any sample counts (python/harness_core/expectations.py).

#include "measure/model/kind.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace perfmatrix::python {

struct RuntimeSettings {
    std::optional<std::string> pymalloc;   // PYTHONMALLOC: pymalloc, malloc, debug, mimalloc
    std::optional<std::string> allocator;  // glibc, jemalloc, tcmalloc
    std::optional<std::string> jit;        // on, off
};

// Throws InvalidParam (param_reading.hpp) for a value outside its choices.
RuntimeSettings read_runtime_settings(const nlohmann::json& params);

// The parameter that needs Python to read PYTHON* variables (pymalloc, then jit); nullptr when
// none does. Under -I or -E such a setting would be silently ignored.
const char* setting_needing_python_env(const RuntimeSettings& s);

// Throws InvalidParam when `env` sets a variable a setting owns (PYTHONMALLOC, PYTHON_JIT,
// LD_PRELOAD): two sources for one setting.
void check_env_against(const RuntimeSettings& s, const std::vector<std::pair<std::string, std::string>>& env);

// The child's variables for the settings, e.g. {"PYTHONMALLOC", "malloc"}, {"LD_PRELOAD", "libjemalloc.so.2"}.
std::vector<std::pair<std::string, std::string>> runtime_variables(const RuntimeSettings& s);

// The harness's arguments that make it check them: "--expect", "allocator=malloc", ...
std::vector<std::string> expect_arguments(const RuntimeSettings& s);

std::vector<ParamSpec> runtime_param_specs();

}  // namespace perfmatrix::python
