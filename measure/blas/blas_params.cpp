#include "measure/blas/blas_params.hpp"

#include "measure/param_reading.hpp"

#include <fmt/format.h>

#include <climits>

namespace perfmatrix::blas {
namespace {

using json = nlohmann::json;

// CBLAS takes dimensions as 32-bit ints (Debian's OpenBLAS is not ILP64).
constexpr std::int64_t kMaxDim = INT_MAX;
// OpenBLAS caps its pool at its compiled MAX_CPU_NUMBER; more than this is a typo.
constexpr std::int64_t kMaxThreads = 1024;
// Operands beyond this cannot be allocated on any machine we target; refusing early also
// keeps the byte arithmetic below far from overflow.
constexpr double kMaxOperandBytes = 1e12;

BlasDtype dtype_param(const json& params) {
    if (!params.contains("dtype")) return BlasDtype::f64;
    const json& v = params.at("dtype");
    if (!v.is_string()) invalid_param("dtype", "expected a string");
    const auto text = v.get<std::string>();
    if (text == "f32") return BlasDtype::f32;
    if (text == "f64") return BlasDtype::f64;
    invalid_param("dtype", fmt::format("'{}' is not a dtype: use \"f32\" or \"f64\"", text));
}

void parse_sizes(BlasOp op, const json& params, BlasParams& out) {
    const bool has_m = op == BlasOp::gemm || op == BlasOp::gemv;
    out.n = integer_param(params, "n", 0, 1, kMaxDim);
    if (!params.contains("n")) invalid_param("n", "required: the problem size");
    out.m = has_m ? integer_param(params, "m", out.n, 1, kMaxDim) : 1;
    out.k = op == BlasOp::gemm ? integer_param(params, "k", out.n, 1, kMaxDim) : 1;
    const double m = static_cast<double>(out.m), n = static_cast<double>(out.n), k = static_cast<double>(out.k);
    const double elements = op == BlasOp::gemm ? m * k + k * n + m * n : op == BlasOp::gemv ? m * n + n + m : 2 * n;
    if (elements * static_cast<double>(element_size(out.dtype)) > kMaxOperandBytes) {
        invalid_param("n", fmt::format("operands would take {:.3g} bytes; the limit is {:.0g}",
                                       elements * static_cast<double>(element_size(out.dtype)), kMaxOperandBytes));
    }
}

void parse_common(const json& params, BlasParams& out) {
    out.dtype = dtype_param(params);
    out.threads = static_cast<int>(integer_param(params, "threads", 1, 1, kMaxThreads));
    out.min_batch_time = min_batch_time_param(params, kCallLoopMinBatchTime);
    out.rotate = boolean_param(params, "rotate", out.rotate);
    if (params.contains("library")) {
        if (!params.at("library").is_string()) invalid_param("library", "expected a string");
        out.library = params.at("library").get<std::string>();
        if (out.library.empty()) invalid_param("library", "must name a shared library");
    }
}

std::vector<ParamSpec> common_specs() {
    return {
        {"dtype", ParamType::string, false, "element type: \"f32\" or \"f64\" (default f64)"},
        {"threads", ParamType::integer, false, "OpenBLAS threads (default 1); checked after setting"},
        min_batch_time_spec(kCallLoopMinBatchTime),
        {"rotate", ParamType::boolean, false,
         "cycle through copies of the operands when they fit in the last-level cache (default true)"},
        {"library", ParamType::string, false, "OpenBLAS shared library to dlopen (default libopenblas.so.0)"},
    };
}

std::vector<ParamSpec> size_specs(BlasOp op) {
    switch (op) {
        case BlasOp::gemm:
            return {{"n", ParamType::integer, true, "columns of B and C"},
                    {"m", ParamType::integer, false, "rows of A and C (default n)"},
                    {"k", ParamType::integer, false, "columns of A, rows of B (default n)"}};
        case BlasOp::gemv:
            return {{"n", ParamType::integer, true, "columns of A, length of x"},
                    {"m", ParamType::integer, false, "rows of A, length of y (default n)"}};
        case BlasOp::dot:
        case BlasOp::axpy: return {{"n", ParamType::integer, true, "vector length"}};
    }
    return {};
}

const char* summary(BlasOp op) {
    switch (op) {
        case BlasOp::gemm: return "OpenBLAS ?gemm: C = A B (compute-bound)";
        case BlasOp::gemv: return "OpenBLAS ?gemv: y = A x (memory-bound)";
        case BlasOp::dot: return "OpenBLAS ?dot: x . y (memory-bound)";
        case BlasOp::axpy: return "OpenBLAS ?axpy: y = a x + y (memory-bound)";
    }
    return "";
}

}  // namespace

const char* to_string(BlasOp op) {
    switch (op) {
        case BlasOp::gemm: return "gemm";
        case BlasOp::gemv: return "gemv";
        case BlasOp::dot: return "dot";
        case BlasOp::axpy: return "axpy";
    }
    return "unknown";
}

const char* to_string(BlasDtype dtype) { return dtype == BlasDtype::f32 ? "f32" : "f64"; }

std::size_t element_size(BlasDtype dtype) { return dtype == BlasDtype::f32 ? 4 : 8; }

std::string blas_kind_name(BlasOp op) { return std::string("blas_") + to_string(op); }

std::variant<BlasParams, ParamProblem> parse_blas_params(BlasOp op, const nlohmann::json& params) {
    return parse_params([&] {
        BlasParams out;
        out.op = op;
        parse_common(params, out);  // first: the size limit depends on dtype
        parse_sizes(op, params, out);
        return out;
    });
}

Kind blas_kind(BlasOp op) {
    return declared_kind(blas_kind_name(op), summary(op), joined(size_specs(op), common_specs()),
                         [op](const nlohmann::json& params) { return parse_blas_params(op, params); });
}

}  // namespace perfmatrix::blas
