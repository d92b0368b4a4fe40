#pragma once
// The parameters of the blas kinds: their declaration (for job checking) and their parsing
// into typed values (for the runner). One parser serves both, so a job that passes the check
// cannot fail to parse later.

#include "measure/model/kind.hpp"
#include "measure/param_reading.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

namespace perfmatrix::blas {

enum class BlasOp { gemm, gemv, dot, axpy };
enum class BlasDtype { f32, f64 };

inline constexpr const char* kDefaultBlasLibrary = "libopenblas.so.0";

struct BlasParams {
    BlasOp op = BlasOp::gemm;
    BlasDtype dtype = BlasDtype::f64;
    // Sizes as BLAS names them: gemm C(m x n) = A(m x k) B(k x n); gemv y(m) = A(m x n) x(n);
    // dot and axpy use n only (m = k = 1 there).
    std::int64_t m = 1;
    std::int64_t n = 1;
    std::int64_t k = 1;
    int threads = 1;
    double min_batch_time = kCallLoopMinBatchTime;
    bool rotate = true;  // cycle through buffer copies when operands fit in cache
    std::string library = kDefaultBlasLibrary;
};

const char* to_string(BlasOp op);
const char* to_string(BlasDtype dtype);
std::size_t element_size(BlasDtype dtype);

// The op's kind name ("blas_gemm", ...).
std::string blas_kind_name(BlasOp op);

std::variant<BlasParams, ParamProblem> parse_blas_params(BlasOp op, const nlohmann::json& params);

Kind blas_kind(BlasOp op);

}  // namespace perfmatrix::blas
