#pragma once
// How far libtorch's result may lie from a reference computed in double before it counts as
// wrong. References read the operands exactly as the tensors store them, so only the library's
// own rounding (and the reference's, in double) is allowed for. No torch headers: the bounds
// are plain arithmetic, tested without libtorch.
//
// The bounds are statistical, not worst-case: the worst case grows with the number of terms
// (2(k+2)·eps·Σ|products| for a dot product of k) and for bfloat16 at k = 4096 would let any
// finite result pass. The kernels' inputs are random and of mixed signs, so rounding errors
// add up like a random walk whatever the summation order: a sequential sum of k such terms
// errs by about 0.5·acc·Σ|terms| (one standard deviation), a pairwise one by less. The
// factors below leave more than ten standard deviations, and still catch a wrong product.

#include "measure/torch/torch_params.hpp"

#include <cstdint>

namespace perfmatrix::torch_bench {

// Machine epsilons (2^-52, 2^-23, 2^-7): a factor 2 above unit roundoff, a margin we keep.
double epsilon(Dtype dtype);

struct Precision {
    double out = 0;      // rounding of each stored result (the tensor's dtype)
    double acc = 0;      // rounding per addition while accumulating
    double in = 0;       // relative error of each product from rounding inputs (TF32 on a GPU), else 0
    double reduced = 0;  // extra relative error of reductions a GPU library may do in low precision
};

// How a kernel accumulates bfloat16. libtorch 1.13's CPU GEMM and convolution accumulate it in
// bfloat16 (seen here: 3-4 units in the last place off after 24-27 terms, where float
// accumulation gives at most a half); its reductions accumulate it in float (its "opmath" type:
// a bfloat16 sum of 16M elements was within 0.001 eps of exact).
enum class Accumulation { products, reductions };

// `tf32`: the GPU library may round float32 inputs to TF32 (10-bit mantissa);
// `reduced_reduction`: cuBLAS may reduce split sums in low precision.
Precision precision_for(Dtype dtype, Accumulation accumulation, bool tf32 = false, bool reduced_reduction = false);

// A dot product (or convolution point, or linear layer output) of `terms` products of mixed
// signs whose absolute values sum to `abs_sum`, with reference value `ref`: the sum's own
// rounding (as sum_tolerance), plus input and output rounding.
double dot_tolerance(const Precision& p, std::int64_t terms, double abs_sum, double ref);

// A sum of `terms` values whose absolute values sum to `abs_sum`: (2·log2(terms) + 8)·acc·Σ|x|
// for terms of mixed signs (pairwise sums err by log2(terms) roundings at most, sequential ones
// by a random walk, above). `same_sign` terms (a norm's squares) have partial sums that only
// grow: a sequential sum's random errors reach about acc·sqrt(terms/3)·Σ|x|, and libtorch
// 1.13's float32 2-norm drifts further, systematically low: 550, 4250 and 31000 eps relative
// for 4M, 16M and 64M elements (growing like terms^1.45). 4·sqrt(terms) + terms/128 is added
// for them: 4.5x that drift at 64M, yet it still refuses a float32 norm of 1M elements off
// by 0.1 %.
double sum_tolerance(const Precision& p, std::int64_t terms, double abs_sum, double ref, bool same_sign);

// out = a * b + c element by element: at most two roundings of the dtype.
double fma_tolerance(const Precision& p, double abs_product, double abs_addend);

}  // namespace perfmatrix::torch_bench
