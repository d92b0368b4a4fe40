#pragma once
// Checks of BLAS outputs against references computed here in double precision. Each check
// is built once from the inputs (the expensive part) and then applied to outputs; it returns
// why an output is wrong, or nothing. Tolerances are rigorous worst-case rounding bounds:
// a sum of k products has an error of at most k*u*(sum of |products|) (u = eps/2), for
// OpenBLAS and for the reference alike, so 2(k+2)*eps*bound covers both with room to spare.
// Matrices are row-major.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace perfmatrix::blas {

// Fills with multiples of 1/1024 in [-1, 1], from a fixed seed: reproducible, and exact in
// f32 and f64 (which the exact axpy check relies on).
template <typename T>
void fill_test_values(T* data, std::size_t count, std::uint64_t seed);

// C (m x n) = A (m x k) B (k x n). Up to kNaiveGemmLimit multiply-adds, every entry is
// compared with a naive product; above it, the residual C x - A (B x) for a random x
// (O(mn) per check instead of O(mnk)).
inline constexpr double kNaiveGemmLimit = 16.0 * 1024 * 1024;

template <typename T>
class GemmCheck {
public:
    GemmCheck(const T* a, const T* b, std::int64_t m, std::int64_t n, std::int64_t k);
    std::optional<std::string> operator()(const T* c) const;
    bool naive() const { return naive_; }

private:
    std::optional<std::string> entrywise(const T* c) const;
    std::optional<std::string> residual(const T* c) const;

    std::int64_t m_, n_, k_;
    bool naive_;
    std::vector<double> expected_;  // naive: C entries; residual: A (B x), per row
    std::vector<double> bound_;     // naive: (|A||B|) entries; residual: |A| (|B| |x|), per row
    std::vector<double> x_;         // residual only
};

// y (m) = A (m x n) x (n).
template <typename T>
class GemvCheck {
public:
    GemvCheck(const T* a, const T* x, std::int64_t m, std::int64_t n);
    std::optional<std::string> operator()(const T* y) const;

private:
    std::int64_t n_;
    std::vector<double> expected_, bound_;
};

// x . y for vectors of n.
template <typename T>
class DotCheck {
public:
    DotCheck(const T* x, const T* y, std::int64_t n);
    std::optional<std::string> operator()(double result) const;

private:
    std::int64_t n_;
    double expected_ = 0, bound_ = 0;
};

// y = y0 + alpha x, applied an odd or even number of times with alternating sign (so y
// returns to y0 after each pair). Exact: with fill_test_values inputs and alpha a power of
// two, every intermediate is representable, so any difference is an error.
template <typename T>
class AxpyCheck {
public:
    AxpyCheck(const T* x, const T* y0, std::int64_t n, T alpha);
    // `odd`: whether the copy has seen an odd number of calls (y = y0 + alpha x).
    std::optional<std::string> operator()(const T* y, bool odd) const;

private:
    std::vector<T> x_, y0_;
    T alpha_;
};

}  // namespace perfmatrix::blas
