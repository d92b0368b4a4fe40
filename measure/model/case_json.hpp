#pragma once
// Cases and outcomes as JSON: how they cross process boundaries (the MPI protocol, and the
// perfmatrix-measure process that runs a case on a worker's behalf).

#include "measure/model/case.hpp"
#include "measure/model/sample.hpp"

#include <nlohmann/json.hpp>

namespace perfmatrix {

nlohmann::json case_to_json(const Case& c);
Case case_from_json(const nlohmann::json& j);  // throws nlohmann::json::exception

// An array of [key, value] pairs, not an object: the order is kept.
nlohmann::json environment_to_json(const Environment& environment);
Environment environment_from_json(const nlohmann::json& j);  // throws nlohmann::json::exception

nlohmann::json outcome_to_json(const CaseOutcome& o);
CaseOutcome outcome_from_json(const nlohmann::json& j);

}  // namespace perfmatrix
