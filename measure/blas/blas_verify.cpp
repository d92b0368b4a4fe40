#include "measure/blas/blas_verify.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <random>

namespace perfmatrix::blas {
namespace {

template <typename T>
constexpr double eps() {
    return std::numeric_limits<T>::epsilon();
}
constexpr double kEpsDouble = std::numeric_limits<double>::epsilon();

// The bound for a sum of `terms` products, see the header.
template <typename T>
double sum_tolerance(std::int64_t terms, double abs_bound) {
    return 2.0 * static_cast<double>(terms + 2) * eps<T>() * abs_bound;
}

// Written as !(diff <= tol) so a NaN or infinity fails too.
bool outside(double got, double expected, double tol) { return !(std::fabs(got - expected) <= tol); }

std::size_t idx(std::int64_t i) { return static_cast<std::size_t>(i); }

}  // namespace

template <typename T>
void fill_test_values(T* data, std::size_t count, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::uniform_int_distribution<int> dist(-1024, 1024);
    for (std::size_t i = 0; i < count; ++i) data[i] = static_cast<T>(dist(rng)) / T(1024);
}

template <typename T>
GemmCheck<T>::GemmCheck(const T* a, const T* b, std::int64_t m, std::int64_t n, std::int64_t k)
    : m_(m),
      n_(n),
      k_(k),
      naive_(static_cast<double>(m) * static_cast<double>(n) * static_cast<double>(k) <= kNaiveGemmLimit) {
    if (naive_) {
        expected_.assign(idx(m * n), 0.0);
        bound_.assign(idx(m * n), 0.0);
        // i-p-j order: the inner loop walks rows of B and C contiguously.
        for (std::int64_t i = 0; i < m; ++i)
            for (std::int64_t p = 0; p < k; ++p) {
                const double aip = a[idx(i * k + p)];
                for (std::int64_t j = 0; j < n; ++j) {
                    const double bpj = b[idx(p * n + j)];
                    expected_[idx(i * n + j)] += aip * bpj;
                    bound_[idx(i * n + j)] += std::fabs(aip * bpj);
                }
            }
        return;
    }
    x_.resize(idx(n));
    fill_test_values(x_.data(), x_.size(), 0x5eed);
    std::vector<double> bx(idx(k), 0.0), abs_bx(idx(k), 0.0);
    for (std::int64_t p = 0; p < k; ++p)
        for (std::int64_t j = 0; j < n; ++j) {
            const double t = b[idx(p * n + j)] * x_[idx(j)];
            bx[idx(p)] += t;
            abs_bx[idx(p)] += std::fabs(t);
        }
    expected_.assign(idx(m), 0.0);
    bound_.assign(idx(m), 0.0);
    for (std::int64_t i = 0; i < m; ++i)
        for (std::int64_t p = 0; p < k; ++p) {
            const double aip = a[idx(i * k + p)];
            expected_[idx(i)] += aip * bx[idx(p)];
            bound_[idx(i)] += std::fabs(aip) * abs_bx[idx(p)];
        }
}

template <typename T>
std::optional<std::string> GemmCheck<T>::operator()(const T* c) const {
    return naive_ ? entrywise(c) : residual(c);
}

template <typename T>
std::optional<std::string> GemmCheck<T>::entrywise(const T* c) const {
    for (std::int64_t e = 0; e < m_ * n_; ++e) {
        const double tol = sum_tolerance<T>(k_, bound_[idx(e)]);
        if (outside(c[idx(e)], expected_[idx(e)], tol)) {
            return fmt::format("gemm C[{}][{}] = {} but the naive product gives {} (tolerance {:.3g})", e / n_, e % n_,
                               static_cast<double>(c[idx(e)]), expected_[idx(e)], tol);
        }
    }
    return std::nullopt;
}

template <typename T>
std::optional<std::string> GemmCheck<T>::residual(const T* c) const {
    for (std::int64_t i = 0; i < m_; ++i) {
        double cx = 0, abs_cx = 0;
        for (std::int64_t j = 0; j < n_; ++j) {
            const double t = c[idx(i * n_ + j)] * x_[idx(j)];
            cx += t;
            abs_cx += std::fabs(t);
        }
        // OpenBLAS's error through |x|, plus this function's own double-precision rounding.
        const double tol = sum_tolerance<T>(k_, bound_[idx(i)]) +
                           2.0 * static_cast<double>(n_ + k_ + 2) * kEpsDouble * (bound_[idx(i)] + abs_cx);
        if (outside(cx, expected_[idx(i)], tol)) {
            return fmt::format("gemm residual: row {} of C x is {} but A (B x) gives {} (tolerance {:.3g})", i, cx,
                               expected_[idx(i)], tol);
        }
    }
    return std::nullopt;
}

template <typename T>
GemvCheck<T>::GemvCheck(const T* a, const T* x, std::int64_t m, std::int64_t n)
    : n_(n), expected_(idx(m), 0.0), bound_(idx(m), 0.0) {
    for (std::int64_t i = 0; i < m; ++i)
        for (std::int64_t j = 0; j < n; ++j) {
            const double t = static_cast<double>(a[idx(i * n + j)]) * x[idx(j)];
            expected_[idx(i)] += t;
            bound_[idx(i)] += std::fabs(t);
        }
}

template <typename T>
std::optional<std::string> GemvCheck<T>::operator()(const T* y) const {
    for (std::size_t i = 0; i < expected_.size(); ++i) {
        const double tol = sum_tolerance<T>(n_, bound_[i]);
        if (outside(y[i], expected_[i], tol)) {
            return fmt::format("gemv y[{}] = {} but the naive product gives {} (tolerance {:.3g})", i,
                               static_cast<double>(y[i]), expected_[i], tol);
        }
    }
    return std::nullopt;
}

template <typename T>
DotCheck<T>::DotCheck(const T* x, const T* y, std::int64_t n) : n_(n) {
    for (std::int64_t j = 0; j < n; ++j) {
        const double t = static_cast<double>(x[idx(j)]) * y[idx(j)];
        expected_ += t;
        bound_ += std::fabs(t);
    }
}

template <typename T>
std::optional<std::string> DotCheck<T>::operator()(double result) const {
    const double tol = sum_tolerance<T>(n_, bound_);
    if (!outside(result, expected_, tol)) return std::nullopt;
    return fmt::format("dot = {} but the naive sum gives {} (tolerance {:.3g})", result, expected_, tol);
}

template <typename T>
AxpyCheck<T>::AxpyCheck(const T* x, const T* y0, std::int64_t n, T alpha)
    : x_(x, x + n), y0_(y0, y0 + n), alpha_(alpha) {}

template <typename T>
std::optional<std::string> AxpyCheck<T>::operator()(const T* y, bool odd) const {
    for (std::size_t i = 0; i < x_.size(); ++i) {
        const T expected = odd ? y0_[i] + alpha_ * x_[i] : y0_[i];
        if (!(y[i] == expected)) {
            return fmt::format("axpy y[{}] = {} but exactly {} was expected", i, static_cast<double>(y[i]),
                               static_cast<double>(expected));
        }
    }
    return std::nullopt;
}

template void fill_test_values<float>(float*, std::size_t, std::uint64_t);
template void fill_test_values<double>(double*, std::size_t, std::uint64_t);
template class GemmCheck<float>;
template class GemmCheck<double>;
template class GemvCheck<float>;
template class GemvCheck<double>;
template class DotCheck<float>;
template class DotCheck<double>;
template class AxpyCheck<float>;
template class AxpyCheck<double>;

}  // namespace perfmatrix::blas
