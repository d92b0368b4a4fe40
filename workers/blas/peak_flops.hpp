#pragma once
// The machine's peak floating-point rate, MEASURED here rather than taken from a data
// sheet: under a hypervisor the clock, the vector width actually enabled and the number of
// FMA pipes are all uncertain, and a measured peak is what a kernel can really reach.

#include "workers/blas/blas_params.hpp"

namespace perfmatrix {

// GFLOP/s of `threads` threads each running independent chains of vector FMAs (the widest
// the CPU supports: AVX-512, AVX2+FMA, or scalar fma), best of a few short trials (~0.1 s in
// all). Cached per (dtype, threads) for the life of the process.
double measured_peak_gflops(BlasDtype dtype, int threads);

// Which FMA kernel measured_peak_gflops uses here: "avx512", "avx2" or "scalar".
const char* peak_kernel_name();

}  // namespace perfmatrix
