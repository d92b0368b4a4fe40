#pragma once
// Parameters of kind `cublas_gemm`: declaration (for job checking) and parsing (for the runner
// in the CUDA module), from one parser. No CUDA headers here: job files must load, and be
// checked, on machines built without CUDA.

#include "measure/model/kind.hpp"
#include "measure/param_reading.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <variant>

namespace perfmatrix::cuda {

enum class GemmDtype { float32, float64 };

struct CublasGemmParams {
    // Row-major C (m x n) = A (m x k) B (k x n), as blas_gemm names them.
    std::int64_t m = 1;
    std::int64_t n = 1;
    std::int64_t k = 1;
    GemmDtype dtype = GemmDtype::float32;
    int device = 0;  // CUDA device ordinal, after CUDA_VISIBLE_DEVICES
    double min_batch_time = kCallLoopMinBatchTime;
};

const char* to_string(GemmDtype dtype);
std::size_t element_size(GemmDtype dtype);

std::variant<CublasGemmParams, ParamProblem> parse_cublas_gemm_params(const nlohmann::json& params);
Kind cublas_gemm_kind();

}  // namespace perfmatrix::cuda
