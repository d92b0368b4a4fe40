#pragma once
// A case's effective settings in `case_environment` (docs/results.md): one row, key `settings`,
// whose value is the JSON object of them. One row per setting (`settings.<name>`, 1,408 bytes
// each, eight a case) was most of what rank 0 wrote and compressed per case. Readers expand
// the row back into `settings.<name>` entries, so what they return is the same for files
// written either way.

#include "measure/model/sample.hpp"

#include <nlohmann/json.hpp>

namespace perfmatrix {

inline constexpr const char* settings_key = "settings";

// The entries to store: the one row, or a row per setting when the JSON does not fit the
// value column (a long `requires` list).
Environment settings_entries(const nlohmann::json& settings);

// `env` with a `settings` row replaced, in place, by its `settings.<name>` entries: string
// values as they are, others as JSON. A row that is not a JSON object is left as it is.
void expand_settings(Environment& env);

}  // namespace perfmatrix
