#pragma once
// An interpreter as JSON, for `perfmatrix interpreters --json` (the form scripts read).

#include "orchestrator/interpreters/interpreter.hpp"

#include <nlohmann/json.hpp>

#include <vector>

namespace perfmatrix {

// {"label", "ok", "supported", "unsupported_reason", "problem", "executable", "found_as",
//  "source", "shim", "isolation_flags", "build": {...} or null, "numpy": {...}, "torch": {...}}
nlohmann::json to_json(const Interpreter& interpreter);
nlohmann::json to_json(const std::vector<Interpreter>& interpreters);

}  // namespace perfmatrix
