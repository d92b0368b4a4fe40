#include "measure/blas/blas_workload.hpp"

#include "measure/blas/blas_verify.hpp"
#include "measure/blas/openblas_library.hpp"
#include "measure/blas/operand_copies.hpp"

#include <type_traits>
#include <vector>

namespace perfmatrix::blas {
namespace {

constexpr std::uint64_t kSeedA = 1, kSeedB = 2;

int dim(std::int64_t v) { return static_cast<int>(v); }  // parse_blas_params keeps dims <= INT_MAX
std::size_t count(std::int64_t v) { return static_cast<std::size_t>(v); }

// Fills copy 0, replicates it, and returns copy 0 for the check to be built from.
template <typename T>
const T* filled(OperandCopies<T>& op, std::uint64_t seed) {
    fill_test_values(op.copy(0), op.count(), seed);
    op.replicate();
    return op.copy(0);
}

template <typename T>
class GemmWorkload final : public BlasWorkload {
public:
    GemmWorkload(const BlasParams& p, const OpenBlasLibrary& blas, std::size_t cache)
        : p_(p),
          blas_(blas),
          copies_(copies_to_exceed(count(p.m * p.k + p.k * p.n + p.m * p.n) * sizeof(T), cache, p.rotate)),
          a_(count(p.m * p.k), copies_),
          b_(count(p.k * p.n), copies_),
          c_(count(p.m * p.n), copies_),
          check_(filled(a_, kSeedA), filled(b_, kSeedB), p.m, p.n, p.k) {}

    void call(std::size_t i) override {
        last_ = i % copies_;
        const int m = dim(p_.m), n = dim(p_.n), k = dim(p_.k);
        if constexpr (std::is_same_v<T, float>) {
            blas_.sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, m, n, k, 1.0f, a_.copy(last_), k, b_.copy(last_), n,
                        0.0f, c_.copy(last_), n);
        } else {
            blas_.dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, m, n, k, 1.0, a_.copy(last_), k, b_.copy(last_), n,
                        0.0, c_.copy(last_), n);
        }
    }
    std::optional<std::string> verify_last() const override { return check_(c_.copy(last_)); }
    void perturb_last_output(double delta) override { c_.copy(last_)[0] += static_cast<T>(delta); }
    WorkloadShape shape() const override {
        return {2.0 * static_cast<double>(p_.m) * static_cast<double>(p_.n) * static_cast<double>(p_.k), 0, copies_};
    }

private:
    BlasParams p_;
    const OpenBlasLibrary& blas_;
    std::size_t copies_;
    OperandCopies<T> a_, b_, c_;
    GemmCheck<T> check_;
    std::size_t last_ = 0;
};

template <typename T>
class GemvWorkload final : public BlasWorkload {
public:
    GemvWorkload(const BlasParams& p, const OpenBlasLibrary& blas, std::size_t cache)
        : p_(p),
          blas_(blas),
          copies_(copies_to_exceed(count(p.m * p.n + p.n + p.m) * sizeof(T), cache, p.rotate)),
          a_(count(p.m * p.n), copies_),
          x_(count(p.n), copies_),
          y_(count(p.m), copies_),
          check_(filled(a_, kSeedA), filled(x_, kSeedB), p.m, p.n) {}

    void call(std::size_t i) override {
        last_ = i % copies_;
        const int m = dim(p_.m), n = dim(p_.n);
        if constexpr (std::is_same_v<T, float>) {
            blas_.sgemv(CblasRowMajor, CblasNoTrans, m, n, 1.0f, a_.copy(last_), n, x_.copy(last_), 1, 0.0f,
                        y_.copy(last_), 1);
        } else {
            blas_.dgemv(CblasRowMajor, CblasNoTrans, m, n, 1.0, a_.copy(last_), n, x_.copy(last_), 1, 0.0,
                        y_.copy(last_), 1);
        }
    }
    std::optional<std::string> verify_last() const override { return check_(y_.copy(last_)); }
    void perturb_last_output(double delta) override { y_.copy(last_)[0] += static_cast<T>(delta); }
    WorkloadShape shape() const override {
        const double m = static_cast<double>(p_.m), n = static_cast<double>(p_.n);
        return {2.0 * m * n, (m * n + n + m) * sizeof(T), copies_};
    }

private:
    BlasParams p_;
    const OpenBlasLibrary& blas_;
    std::size_t copies_;
    OperandCopies<T> a_, x_, y_;
    GemvCheck<T> check_;
    std::size_t last_ = 0;
};

template <typename T>
class DotWorkload final : public BlasWorkload {
public:
    DotWorkload(const BlasParams& p, const OpenBlasLibrary& blas, std::size_t cache)
        : p_(p),
          blas_(blas),
          copies_(copies_to_exceed(count(2 * p.n) * sizeof(T), cache, p.rotate)),
          x_(count(p.n), copies_),
          y_(count(p.n), copies_),
          check_(filled(x_, kSeedA), filled(y_, kSeedB), p.n) {}

    void call(std::size_t i) override {
        const std::size_t c = i % copies_;
        if constexpr (std::is_same_v<T, float>) {
            result_ = blas_.sdot(dim(p_.n), x_.copy(c), 1, y_.copy(c), 1);
        } else {
            result_ = blas_.ddot(dim(p_.n), x_.copy(c), 1, y_.copy(c), 1);
        }
    }
    std::optional<std::string> verify_last() const override { return check_(result_); }
    void perturb_last_output(double delta) override { result_ += delta; }
    WorkloadShape shape() const override {
        const double n = static_cast<double>(p_.n);
        return {2.0 * n, 2.0 * n * sizeof(T), copies_};
    }

private:
    BlasParams p_;
    const OpenBlasLibrary& blas_;
    std::size_t copies_;
    OperandCopies<T> x_, y_;
    DotCheck<T> check_;
    double result_ = 0;  // the most recent call's, kept so the call cannot be elided and can be checked
};

template <typename T>
class AxpyWorkload final : public BlasWorkload {
public:
    // alpha 1/2, a power of two: with fill_test_values inputs every result is exact.
    static constexpr T kAlpha = T(0.5);

    AxpyWorkload(const BlasParams& p, const OpenBlasLibrary& blas, std::size_t cache)
        : p_(p),
          blas_(blas),
          copies_(copies_to_exceed(count(2 * p.n) * sizeof(T), cache, p.rotate)),
          x_(count(p.n), copies_),
          y_(count(p.n), copies_),
          odd_(copies_, false),
          check_(filled(x_, kSeedA), filled(y_, kSeedB), p.n, kAlpha) {}

    // Alternates +alpha and -alpha per copy so y stays bounded (and exact) however many
    // calls a case makes.
    void call(std::size_t i) override {
        last_ = i % copies_;
        const T alpha = odd_[last_] ? -kAlpha : kAlpha;
        if constexpr (std::is_same_v<T, float>) {
            blas_.saxpy(dim(p_.n), alpha, x_.copy(last_), 1, y_.copy(last_), 1);
        } else {
            blas_.daxpy(dim(p_.n), alpha, x_.copy(last_), 1, y_.copy(last_), 1);
        }
        odd_[last_] = !odd_[last_];
    }
    std::optional<std::string> verify_last() const override { return check_(y_.copy(last_), odd_[last_]); }
    void perturb_last_output(double delta) override { y_.copy(last_)[0] += static_cast<T>(delta); }
    WorkloadShape shape() const override {
        const double n = static_cast<double>(p_.n);
        return {2.0 * n, 3.0 * n * sizeof(T), copies_};  // read x, read y, write y
    }

private:
    BlasParams p_;
    const OpenBlasLibrary& blas_;
    std::size_t copies_;
    OperandCopies<T> x_, y_;
    std::vector<bool> odd_;  // per copy: has it seen an odd number of calls
    AxpyCheck<T> check_;
    std::size_t last_ = 0;
};

template <typename T>
std::unique_ptr<BlasWorkload> make_typed(const BlasParams& p, const OpenBlasLibrary& blas, std::size_t cache) {
    switch (p.op) {
        case BlasOp::gemm: return std::make_unique<GemmWorkload<T>>(p, blas, cache);
        case BlasOp::gemv: return std::make_unique<GemvWorkload<T>>(p, blas, cache);
        case BlasOp::dot: return std::make_unique<DotWorkload<T>>(p, blas, cache);
        case BlasOp::axpy: return std::make_unique<AxpyWorkload<T>>(p, blas, cache);
    }
    return nullptr;
}

}  // namespace

std::unique_ptr<BlasWorkload> make_blas_workload(const BlasParams& p, const OpenBlasLibrary& blas,
                                                 std::size_t cache_bytes) {
    if (p.dtype == BlasDtype::f32) return make_typed<float>(p, blas, cache_bytes);
    return make_typed<double>(p, blas, cache_bytes);
}

}  // namespace perfmatrix::blas
