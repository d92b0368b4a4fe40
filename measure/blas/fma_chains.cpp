#include "measure/blas/fma_chains.hpp"

#include <immintrin.h>

// Each chain iterates acc = acc * a + b with a slightly below 1: it converges to b / (1 - a)
// instead of overflowing or going subnormal (either would slow the FMA units down).
// The chains are spelled out, not kept in an array, so they surely live in registers.
#define PM_CHAINS(X) X(0) X(1) X(2) X(3) X(4) X(5) X(6) X(7) X(8) X(9) X(10) X(11)

#define PM_FMA_KERNEL(NAME, ATTR, VEC, SET1, REDUCE) \
    ATTR double NAME(std::int64_t rounds) {          \
        const VEC a = SET1(0.999999);                \
        const VEC b = SET1(1e-6);                    \
        PM_CHAINS(PM_DECLARE_##VEC)                  \
        for (std::int64_t r = 0; r < rounds; ++r) {  \
            PM_CHAINS(PM_STEP_##VEC)                 \
        }                                            \
        VEC sum = c0;                                \
        PM_CHAINS(PM_SUM_##VEC)                      \
        return REDUCE(sum);                          \
    }

#define PM_AVX512 __attribute__((target("avx512f")))
#define PM_AVX2 __attribute__((target("avx2,fma")))

namespace perfmatrix::blas {
namespace {

// Stores and adds rather than _mm512_reduce_add_*: GCC 12's versions of those trip
// -Wuninitialized inside its own header.
__attribute__((target("avx512f"))) double reduce512d(__m512d v) {
    alignas(64) double out[8];
    _mm512_store_pd(out, v);
    double s = 0;
    for (double x : out) s += x;
    return s;
}
__attribute__((target("avx512f"))) double reduce512s(__m512 v) {
    alignas(64) float out[16];
    _mm512_store_ps(out, v);
    double s = 0;
    for (float x : out) s += x;
    return s;
}
__attribute__((target("avx2,fma"))) double reduce256d(__m256d v) {
    alignas(32) double out[4];
    _mm256_store_pd(out, v);
    return out[0] + out[1] + out[2] + out[3];
}
__attribute__((target("avx2,fma"))) double reduce256s(__m256 v) {
    alignas(32) float out[8];
    _mm256_store_ps(out, v);
    double s = 0;
    for (float x : out) s += x;
    return s;
}

}  // namespace

#define PM_DECLARE___m512d(i) __m512d c##i = _mm512_set1_pd(1.0 + (i));
#define PM_STEP___m512d(i) c##i = _mm512_fmadd_pd(c##i, a, b);
#define PM_SUM___m512d(i) sum = _mm512_add_pd(sum, c##i);
PM_FMA_KERNEL(fma_chains_avx512_f64, PM_AVX512, __m512d, _mm512_set1_pd, reduce512d)

#define PM_DECLARE___m512(i) __m512 c##i = _mm512_set1_ps(1.0f + (i));
#define PM_STEP___m512(i) c##i = _mm512_fmadd_ps(c##i, a, b);
#define PM_SUM___m512(i) sum = _mm512_add_ps(sum, c##i);
#define PM_SET1_PS512(x) _mm512_set1_ps(static_cast<float>(x))
PM_FMA_KERNEL(fma_chains_avx512_f32, PM_AVX512, __m512, PM_SET1_PS512, reduce512s)

#define PM_DECLARE___m256d(i) __m256d c##i = _mm256_set1_pd(1.0 + (i));
#define PM_STEP___m256d(i) c##i = _mm256_fmadd_pd(c##i, a, b);
#define PM_SUM___m256d(i) sum = _mm256_add_pd(sum, c##i);
PM_FMA_KERNEL(fma_chains_avx2_f64, PM_AVX2, __m256d, _mm256_set1_pd, reduce256d)

#define PM_DECLARE___m256(i) __m256 c##i = _mm256_set1_ps(1.0f + (i));
#define PM_STEP___m256(i) c##i = _mm256_fmadd_ps(c##i, a, b);
#define PM_SUM___m256(i) sum = _mm256_add_ps(sum, c##i);
#define PM_SET1_PS256(x) _mm256_set1_ps(static_cast<float>(x))
PM_FMA_KERNEL(fma_chains_avx2_f32, PM_AVX2, __m256, PM_SET1_PS256, reduce256s)

using scalar_d = double;
using scalar_f = float;
#define PM_DECLARE_scalar_d(i) double c##i = 1.0 + (i);
#define PM_STEP_scalar_d(i) c##i = c##i * a + b;
#define PM_SUM_scalar_d(i) sum += c##i;
#define PM_IDENTITY_D(x) static_cast<double>(x)
PM_FMA_KERNEL(fma_chains_scalar_f64, , scalar_d, PM_IDENTITY_D, PM_IDENTITY_D)

#define PM_DECLARE_scalar_f(i) float c##i = 1.0f + (i);
#define PM_STEP_scalar_f(i) c##i = c##i * a + b;
#define PM_SUM_scalar_f(i) sum += c##i;
#define PM_IDENTITY_F(x) static_cast<float>(x)
PM_FMA_KERNEL(fma_chains_scalar_f32, , scalar_f, PM_IDENTITY_F, PM_IDENTITY_D)

}  // namespace perfmatrix::blas
