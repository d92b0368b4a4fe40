// The checks themselves, fed correct and deliberately corrupted outputs. Correct outputs come
// from straightforward loops here (not OpenBLAS), so these tests pin the checks alone.
#include "measure/blas/blas_verify.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

namespace perfmatrix::blas {
namespace {

template <typename T>
std::vector<T> values(std::size_t count, std::uint64_t seed) {
    std::vector<T> v(count);
    fill_test_values(v.data(), count, seed);
    return v;
}

// Row-major C = A B accumulated in T, in a different order from the check's own loop.
template <typename T>
std::vector<T> product(const std::vector<T>& a, const std::vector<T>& b, std::int64_t m, std::int64_t n,
                       std::int64_t k) {
    std::vector<T> c(static_cast<std::size_t>(m * n));
    for (std::int64_t i = 0; i < m; ++i)
        for (std::int64_t j = 0; j < n; ++j) {
            T s = 0;
            for (std::int64_t p = k - 1; p >= 0; --p)
                s += a[static_cast<std::size_t>(i * k + p)] * b[static_cast<std::size_t>(p * n + j)];
            c[static_cast<std::size_t>(i * n + j)] = s;
        }
    return c;
}

template <typename T>
void expect_gemm_check(std::int64_t m, std::int64_t n, std::int64_t k, bool naive, T delta) {
    const auto a = values<T>(static_cast<std::size_t>(m * k), 1), b = values<T>(static_cast<std::size_t>(k * n), 2);
    auto c = product(a, b, m, n, k);
    const GemmCheck<T> check(a.data(), b.data(), m, n, k);
    EXPECT_EQ(check.naive(), naive);
    EXPECT_FALSE(check(c.data())) << *check(c.data());

    auto wrong = c;
    wrong[static_cast<std::size_t>(m * n / 2)] += delta;  // one entry off
    const auto reason = check(wrong.data());
    ASSERT_TRUE(reason);
    EXPECT_NE(reason->find("gemm"), std::string::npos) << *reason;

    wrong = c;
    wrong[0] = std::numeric_limits<T>::quiet_NaN();
    EXPECT_TRUE(check(wrong.data()));
}

}  // namespace

TEST(BlasVerify, TestValuesAreReproducibleMultiplesOf1024th) {
    const auto a = values<double>(1000, 7), b = values<double>(1000, 7), c = values<double>(1000, 8);
    EXPECT_EQ(a, b);
    EXPECT_NE(a, c);
    for (double v : a) {
        EXPECT_LE(std::fabs(v), 1.0);
        EXPECT_EQ(v * 1024, std::round(v * 1024));
    }
}

TEST(BlasVerify, GemmNaiveCatchesACorruptedEntry) {
    expect_gemm_check<double>(17, 33, 9, true, 1e-6);
    expect_gemm_check<float>(64, 64, 64, true, 0.25f);
}

TEST(BlasVerify, GemmResidualCatchesACorruptedEntry) {
    expect_gemm_check<double>(300, 280, 256, false, 1e-3);
    // The residual's worst-case f32 bound here is ~0.5 per row, so only a gross error shows.
    expect_gemm_check<float>(300, 280, 256, false, 1e4f);
}

TEST(BlasVerify, GemvCatchesACorruptedEntry) {
    const std::int64_t m = 50, n = 70;
    const auto a = values<float>(m * n, 1), x = values<float>(n, 2);
    const auto y = product(a, x, m, 1, n);
    const GemvCheck<float> check(a.data(), x.data(), m, n);
    EXPECT_FALSE(check(y.data()));
    auto wrong = y;
    wrong[m - 1] = -wrong[m - 1] + 0.5f;
    EXPECT_TRUE(check(wrong.data()));
}

TEST(BlasVerify, DotCatchesAWrongSum) {
    const std::int64_t n = 100000;
    const auto x = values<float>(n, 1), y = values<float>(n, 2);
    float s = 0;
    for (std::int64_t i = 0; i < n; ++i) s += x[static_cast<std::size_t>(i)] * y[static_cast<std::size_t>(i)];
    const DotCheck<float> check(x.data(), y.data(), n);
    EXPECT_FALSE(check(s)) << *check(s);  // float accumulation in plain order: within the bound
    EXPECT_TRUE(check(s + 1000.0));
    EXPECT_TRUE(check(std::numeric_limits<double>::infinity()));
}

TEST(BlasVerify, AxpyIsExact) {
    const std::int64_t n = 1000;
    const auto x = values<double>(n, 1), y0 = values<double>(n, 2);
    const AxpyCheck<double> check(x.data(), y0.data(), n, 0.5);
    std::vector<double> y = y0;
    for (std::size_t i = 0; i < y.size(); ++i) y[i] += 0.5 * x[i];
    EXPECT_FALSE(check(y.data(), true));
    EXPECT_TRUE(check(y.data(), false));  // the parity matters
    EXPECT_FALSE(check(y0.data(), false));
    y[n / 2] = std::nextafter(y[n / 2], 10.0);  // one ulp off is already wrong
    EXPECT_TRUE(check(y.data(), true));
}

}  // namespace perfmatrix::blas
