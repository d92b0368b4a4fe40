#include "measure/cuda/cublas_params.hpp"

#include "measure/param_reading.hpp"

#include <fmt/format.h>

#include <climits>

namespace perfmatrix::cuda {
namespace {

// cuBLAS's classic API takes dimensions as 32-bit ints.
constexpr long long kMaxDim = INT_MAX;
// Beyond any GPU's memory today; refusing early also keeps the byte arithmetic far from
// overflow. The runner still reports cudaMalloc's own error for sizes below this.
constexpr double kMaxOperandBytes = 1e12;

void check_operand_bytes(const CublasGemmParams& p) {
    const double m = static_cast<double>(p.m), n = static_cast<double>(p.n), k = static_cast<double>(p.k);
    const double bytes = (m * k + k * n + m * n) * static_cast<double>(element_size(p.dtype));
    if (bytes > kMaxOperandBytes) {
        invalid_param("n",
                      fmt::format("operands would take {:.3g} bytes; the limit is {:.0g}", bytes, kMaxOperandBytes));
    }
}

}  // namespace

const char* to_string(GemmDtype dtype) { return dtype == GemmDtype::float32 ? "float32" : "float64"; }

std::size_t element_size(GemmDtype dtype) { return dtype == GemmDtype::float32 ? 4 : 8; }

std::variant<CublasGemmParams, ParamProblem> parse_cublas_gemm_params(const nlohmann::json& params) {
    return parse_params([&] {
        reject_unknown_params(params, cublas_gemm_kind());
        CublasGemmParams p;
        if (!params.contains("n")) invalid_param("n", "required: the problem size (columns of B and C)");
        p.n = integer_param(params, "n", 1, 1, kMaxDim);
        p.m = integer_param(params, "m", p.n, 1, kMaxDim);
        p.k = integer_param(params, "k", p.n, 1, kMaxDim);
        p.dtype = choice_param(params, "dtype", "float32", {"float32", "float64"}) == "float32" ? GemmDtype::float32
                                                                                                : GemmDtype::float64;
        p.device = static_cast<int>(integer_param(params, "device", 0, 0, 1023));
        p.min_batch_time = min_batch_time_param(params, kCallLoopMinBatchTime);
        check_operand_bytes(p);
        return p;
    });
}

Kind cublas_gemm_kind() {
    Kind spec = declared_kind(
        "cublas_gemm", "cuBLAS ?gemm on one GPU: C = A B, timed with CUDA events (needs a GPU)",
        {
            {"n", ParamType::integer, true, "columns of B and C"},
            {"m", ParamType::integer, false, "rows of A and C (default n)"},
            {"k", ParamType::integer, false, "columns of A, rows of B (default n)"},
            {"dtype", ParamType::string, false, "\"float32\" (cublasSgemm, default) or \"float64\" (cublasDgemm)"},
            {"device", ParamType::integer, false, "CUDA device ordinal, after CUDA_VISIBLE_DEVICES (default 0)"},
            min_batch_time_spec(kCallLoopMinBatchTime),
        },
        &parse_cublas_gemm_params);
    // Every case runs on a GPU, so a rank without one must never be handed it.
    spec.implied_requires = [](const nlohmann::json&) { return std::vector<std::string>{"gpu"}; };
    return spec;
}

}  // namespace perfmatrix::cuda
