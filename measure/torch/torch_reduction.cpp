// torch_reduction: sum, mean, max (amax) or 2-norm of a rows x cols tensor over dim 0, dim 1 or
// all of it, into a preallocated output.
#include "measure/torch/torch_kernels.hpp"
#include "measure/torch/torch_tensors.hpp"
#include "measure/torch/torch_tolerance.hpp"

#include <ATen/ops/amax.h>
#include <ATen/ops/empty.h>
#include <ATen/ops/linalg_vector_norm.h>
#include <ATen/ops/mean.h>
#include <ATen/ops/sum.h>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace perfmatrix::torch_bench {
namespace {

std::vector<std::int64_t> reduced_dims(const ReductionShape& s) {
    if (!s.dim) return {0, 1};
    return {*s.dim};
}

std::vector<std::int64_t> output_sizes(const ReductionShape& s) {
    if (!s.dim) return {};
    return {*s.dim == 0 ? s.cols : s.rows};
}

class ReductionWorkload final : public TorchWorkload {
public:
    ReductionWorkload(const ReductionShape& s, const TorchParams& p, const WorkloadContext& ctx)
        : s_(s),
          dims_(reduced_dims(s)),
          precision_(precision_for(p.dtype, Accumulation::reductions, false, ctx.reduced_reduction)),
          x_(random_tensor({s.rows, s.cols}, p.dtype, p.device)),
          out_(at::empty(output_sizes(s), x_.options())) {}

    void call() override {
        switch (s_.op) {
            case ReduceOp::sum: at::sum_out(out_, x_, dims_); break;
            case ReduceOp::mean: at::mean_out(out_, x_, dims_); break;
            case ReduceOp::max: at::amax_out(out_, x_, dims_); break;
            case ReduceOp::norm: at::linalg_vector_norm_out(out_, x_, 2, dims_); break;
        }
    }

    // The whole output, each element recomputed in double from the elements it reduces.
    std::optional<std::string> verify_last() override {
        const HostView x(x_), out(out_);
        const std::int64_t length = s_.reduced_length();
        for (std::int64_t o = 0; o < s_.output_elements(); ++o) {
            // Element i of the reduced run of output o.
            const auto element = [&](std::int64_t i) {
                if (!s_.dim) return x[i];
                return *s_.dim == 0 ? x[i * s_.cols + o] : x[o * s_.cols + i];
            };
            const auto [ref, tol] = reference(element, length);
            if (!(std::abs(out[o] - ref) <= tol)) {
                return fmt::format("reduction: {} over {} element {} = {:.9g}, expected {:.9g} (tolerance {:.3g})",
                                   to_string(s_.op), s_.dim ? fmt::format("dim {}", *s_.dim) : std::string("all"), o,
                                   out[o], ref, tol);
            }
        }
        return std::nullopt;
    }

    void corrupt_last_output() override { out_.mul_(-3).add_(1000); }

private:
    struct Expected {
        double value, tolerance;
    };

    template <class Element>
    Expected reference(const Element& element, std::int64_t length) const {
        double sum = 0, abs_sum = 0, squares = 0, max = -std::numeric_limits<double>::infinity();
        for (std::int64_t i = 0; i < length; ++i) {
            const double v = element(i);
            sum += v;
            abs_sum += std::abs(v);
            squares += v * v;
            max = std::max(max, v);
        }
        const double n = static_cast<double>(length);
        switch (s_.op) {
            case ReduceOp::sum: return {sum, sum_tolerance(precision_, length, abs_sum, sum, false)};
            case ReduceOp::mean:
                // The division adds one rounding of the output type.
                return {sum / n, sum_tolerance(precision_, length, abs_sum / n, sum / n, false) +
                                     precision_.out * std::abs(sum / n)};
            case ReduceOp::max: return {max, 0.0};  // a maximum is one of the inputs: exact
            case ReduceOp::norm: {
                // sqrt halves the relative error of the sum of squares; then one output rounding.
                const double norm = std::sqrt(squares);
                const double rel = norm > 0 ? sum_tolerance(precision_, length, squares, 0, true) / squares : 0;
                return {norm, (rel / 2 + 2 * precision_.out) * norm + 1e-30};
            }
        }
        return {0, 0};
    }

    ReductionShape s_;
    std::vector<std::int64_t> dims_;
    Precision precision_;
    at::Tensor x_, out_;
};

}  // namespace

std::unique_ptr<TorchWorkload> make_reduction_workload(const ReductionShape& s, const TorchParams& p,
                                                       const WorkloadContext& ctx) {
    return std::make_unique<ReductionWorkload>(s, p, ctx);
}

}  // namespace perfmatrix::torch_bench
