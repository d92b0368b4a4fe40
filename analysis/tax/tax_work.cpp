#include "analysis/tax/tax_work.hpp"

namespace perfmatrix {

std::optional<double> dtype_bytes(const std::string& dtype) {
    if (dtype == "float64") return 8;
    if (dtype == "float32") return 4;
    if (dtype == "bfloat16") return 2;
    return std::nullopt;
}

std::optional<TaxWork> tax_work(const std::string& op, long long n, const std::string& dtype) {
    const double d = static_cast<double>(n);
    if (op == "matmul") return TaxWork{2 * d * d * d, "GFLOP/s"};  // flops do not depend on the dtype
    const auto size = dtype_bytes(dtype);
    if (!size) return std::nullopt;
    if (op == "elementwise") return TaxWork{4 * d * *size, "GB/s"};  // read a, b, c; write out
    if (op == "reduction") return TaxWork{(d + 1) * *size, "GB/s"};  // read n; write the sum
    return std::nullopt;
}

double tax_rate(const TaxWork& work, double seconds) { return work.amount / seconds / 1e9; }

}  // namespace perfmatrix
