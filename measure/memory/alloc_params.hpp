#pragma once
// Parameters of kind `memory_alloc`: declaration (for job checking) and parsing (for the
// runner), from one parser.

#include "measure/memory/batch_sizing.hpp"
#include "measure/model/kind.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <variant>

namespace perfmatrix::memory {

enum class FreeOrder { lifo, fifo, random };

struct AllocParams {
    std::size_t size = 64;  // bytes per block
    FreeOrder pattern = FreeOrder::lifo;
    int threads = 1;
    std::size_t count = 1000;  // live blocks per round
    std::string allocator = "glibc";
    BatchParams batch;  // batch.count: rounds per thread
};

std::variant<AllocParams, ParamProblem> parse_alloc_params(const nlohmann::json& params);
Kind alloc_kind();

}  // namespace perfmatrix::memory
