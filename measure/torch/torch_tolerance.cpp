#include "measure/torch/torch_tolerance.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace perfmatrix::torch_bench {
namespace {

constexpr double kDoubleEps = std::numeric_limits<double>::epsilon();
constexpr double kTf32Eps = 0x1p-10;  // TF32 keeps 10 mantissa bits
// Results that underflow to the smallest float are not wrong: absolute slack far below any
// value the kernels produce from inputs in [-1, 1].
constexpr double kTiny = 1e-30;

double d(std::int64_t v) { return static_cast<double>(v); }

}  // namespace

double epsilon(Dtype dtype) {
    switch (dtype) {
        case Dtype::float64: return kDoubleEps;
        case Dtype::float32: return static_cast<double>(std::numeric_limits<float>::epsilon());
        case Dtype::bfloat16: return 0x1p-7;  // 8 significant bits
    }
    return 1;
}

Precision precision_for(Dtype dtype, Accumulation accumulation, bool tf32, bool reduced_reduction) {
    Precision p;
    p.out = epsilon(dtype);
    p.acc = dtype == Dtype::bfloat16 && accumulation == Accumulation::reductions ? epsilon(Dtype::float32)
                                                                                 : epsilon(dtype);
    p.in = tf32 && dtype == Dtype::float32 ? kTf32Eps : 0;
    // A handful of partial sums rounded to the output type before they are added: a few
    // output roundings more, relative to the sum of magnitudes.
    p.reduced = reduced_reduction ? 8 * p.out : 0;
    return p;
}

double sum_tolerance(const Precision& p, std::int64_t terms, double abs_sum, double ref, bool same_sign) {
    const double n = std::max(1.0, d(terms));
    const double growth = 2 * std::ceil(std::log2(n)) + 8 + (same_sign ? 4 * std::sqrt(n) + n / 128 : 0);
    // The reference, summed in double in order, errs by at most (n+2)·eps_double·Σ|x|.
    const double reference = (n + 2) * kDoubleEps;
    return (growth * p.acc + reference + p.reduced) * abs_sum + p.out * std::abs(ref) + kTiny;
}

double dot_tolerance(const Precision& p, std::int64_t terms, double abs_sum, double ref) {
    return sum_tolerance(p, terms, abs_sum, ref, false) + p.in * abs_sum;
}

double fma_tolerance(const Precision& p, double abs_product, double abs_addend) {
    return 2 * p.out * (abs_product + abs_addend) + kTiny;
}

}  // namespace perfmatrix::torch_bench
