#pragma once
// Parameters of kind `memory_faults`: declaration (for job checking) and parsing (for the
// runner), from one parser.

#include "measure/memory/batch_sizing.hpp"
#include "measure/model/kind.hpp"

#include <nlohmann/json.hpp>

#include <variant>

namespace perfmatrix::memory {

enum class TouchMode { first_touch, warm };

struct FaultsParams {
    long long size_mib = 64;
    TouchMode mode = TouchMode::first_touch;
    bool hugepages = false;  // madvise(MADV_HUGEPAGE) on the region
    BatchParams batch;       // batch.count: passes over the region
};

std::variant<FaultsParams, ParamProblem> parse_faults_params(const nlohmann::json& params);
Kind faults_kind();

}  // namespace perfmatrix::memory
