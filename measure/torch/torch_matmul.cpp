// torch_matmul: C = A B with at::mm_out into a preallocated C, so a call times the GEMM, not
// the caching allocator.
#include "measure/torch/torch_kernels.hpp"
#include "measure/torch/torch_tensors.hpp"
#include "measure/torch/torch_tolerance.hpp"

#include <ATen/ops/empty.h>
#include <ATen/ops/mm.h>
#include <fmt/format.h>

#include <cmath>
#include <vector>

namespace perfmatrix::torch_bench {
namespace {

// Up to this many multiply-adds every entry is checked against a naive triple loop; past it,
// the residual C x - A (B x) per row: O(mn + kn + mk) instead of O(mnk) per check.
constexpr double kNaiveLimit = 1 << 24;

class MatmulWorkload final : public TorchWorkload {
public:
    MatmulWorkload(const MatmulShape& s, const TorchParams& p, const WorkloadContext& ctx)
        : s_(s),
          precision_(precision_for(p.dtype, Accumulation::products, ctx.tf32_matmul, ctx.reduced_reduction)),
          a_(random_tensor({s.m, s.k}, p.dtype, p.device)),
          b_(random_tensor({s.k, s.n}, p.dtype, p.device)),
          c_(at::empty({s.m, s.n}, a_.options())) {}

    void call() override { at::mm_out(c_, a_, b_); }

    std::optional<std::string> verify_last() override {
        const HostView a(a_), b(b_), c(c_);
        const double madds = static_cast<double>(s_.m) * static_cast<double>(s_.n) * static_cast<double>(s_.k);
        return madds <= kNaiveLimit ? verify_every_entry(a, b, c) : verify_residual(a, b, c);
    }

    void corrupt_last_output() override { c_.mul_(-3).add_(1000); }

private:
    std::optional<std::string> verify_every_entry(const HostView& a, const HostView& b, const HostView& c) const {
        for (std::int64_t i = 0; i < s_.m; ++i) {
            for (std::int64_t j = 0; j < s_.n; ++j) {
                double ref = 0, abs_sum = 0;
                for (std::int64_t l = 0; l < s_.k; ++l) {
                    const double prod = a[i * s_.k + l] * b[l * s_.n + j];
                    ref += prod;
                    abs_sum += std::abs(prod);
                }
                const double got = c[i * s_.n + j];
                const double tol = dot_tolerance(precision_, s_.k, abs_sum, ref);
                if (!(std::abs(got - ref) <= tol)) {
                    return fmt::format("matmul C[{},{}] = {:.9g}, expected {:.9g} (tolerance {:.3g})", i, j, got, ref,
                                       tol);
                }
            }
        }
        return std::nullopt;
    }

    // (C x)_i - (A (B x))_i is C's error E times x: at most (gamma |A||B| |x| + out |C||x|)_i for the
    // per-entry bound gamma, plus the check's own rounding in double.
    std::optional<std::string> verify_residual(const HostView& a, const HostView& b, const HostView& c) const {
        const auto n = s_.n, k = s_.k;
        std::vector<double> x(static_cast<std::size_t>(n));
        for (std::int64_t j = 0; j < n; ++j) x[j] = 1.0 - 2.0 * static_cast<double>((j * 7919) % 1024) / 1024.0;
        std::vector<double> bx(static_cast<std::size_t>(k)), abs_bx(static_cast<std::size_t>(k));
        for (std::int64_t l = 0; l < k; ++l) {
            for (std::int64_t j = 0; j < n; ++j) {
                bx[l] += b[l * n + j] * x[j];
                abs_bx[l] += std::abs(b[l * n + j] * x[j]);
            }
        }
        const double gamma = dot_tolerance(precision_, k, 1.0, 0.0);  // per unit of sum |products|
        const double check = static_cast<double>(n + k + 2) * 0x1p-52;
        for (std::int64_t i = 0; i < s_.m; ++i) {
            double cx = 0, abs_cx = 0, abx = 0, abs_abx = 0;
            for (std::int64_t j = 0; j < n; ++j) {
                cx += c[i * n + j] * x[j];
                abs_cx += std::abs(c[i * n + j] * x[j]);
            }
            for (std::int64_t l = 0; l < k; ++l) {
                abx += a[i * k + l] * bx[l];
                abs_abx += std::abs(a[i * k + l]) * abs_bx[l];
            }
            const double tol = gamma * abs_abx + precision_.out * abs_cx + check * (abs_cx + abs_abx) + 1e-30;
            if (!(std::abs(cx - abx) <= tol)) {
                return fmt::format("matmul row {}: residual (C x - A B x) = {:.3g} exceeds {:.3g}", i, cx - abx, tol);
            }
        }
        return std::nullopt;
    }

    MatmulShape s_;
    Precision precision_;
    at::Tensor a_, b_, c_;
};

}  // namespace

std::unique_ptr<TorchWorkload> make_matmul_workload(const MatmulShape& s, const TorchParams& p,
                                                    const WorkloadContext& ctx) {
    return std::make_unique<MatmulWorkload>(s, p, ctx);
}

}  // namespace perfmatrix::torch_bench
