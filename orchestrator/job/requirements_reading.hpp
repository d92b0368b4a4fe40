#pragma once
// Reading a benchmark's `requirements` key (python_environments.hpp says what it does).

#include <toml++/toml.h>

#include <string>
#include <vector>

namespace perfmatrix {

// Reads `requirements` of the benchmark `table` (file:line:col at each problem): a non-empty
// array of requirement strings (orchestrator/environments/requirements.hpp), each package once.
// Valid only with a `python` axis of interpreter specs (`has_python_specs`). Returns the
// canonical texts, sorted.
std::vector<std::string> read_requirements(const toml::node& node, const toml::table& table, bool has_python_specs);

}  // namespace perfmatrix
