#pragma once
// Parameters of kind `memory_stream`: declaration (for job checking) and parsing (for the
// runner), from one parser.

#include "measure/memory/batch_sizing.hpp"
#include "measure/memory/stream_kernels.hpp"
#include "measure/model/kind.hpp"

#include <nlohmann/json.hpp>

#include <variant>

namespace perfmatrix::memory {

struct StreamParams {
    StreamOp op = StreamOp::triad;
    long long size_mib = 0;  // per array; 0: 4x the last-level cache
    int threads = 1;
    bool pin = false;
    BatchParams batch;
};

std::variant<StreamParams, ParamProblem> parse_stream_params(const nlohmann::json& params);
Kind stream_kind();

}  // namespace perfmatrix::memory
