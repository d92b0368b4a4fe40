#pragma once
// Microkernels for the peak measurement: 12 independent FMA chains per call, enough to cover
// FMA latency (4 cycles) times FMA pipes (2) on current x86 cores, so throughput, not
// latency, limits them.

#include <cstdint>

namespace perfmatrix::blas {

inline constexpr int kFmaChains = 12;

// Each runs `rounds` rounds of kFmaChains vector FMAs and returns a value derived from every
// chain, so the compiler cannot drop the work. Lanes per FMA: see fma_lanes().
double fma_chains_avx512_f64(std::int64_t rounds);
double fma_chains_avx512_f32(std::int64_t rounds);
double fma_chains_avx2_f64(std::int64_t rounds);
double fma_chains_avx2_f32(std::int64_t rounds);
double fma_chains_scalar_f64(std::int64_t rounds);
double fma_chains_scalar_f32(std::int64_t rounds);

}  // namespace perfmatrix::blas
