// torch_elementwise: out = a * b + c with broadcasting, as one fused at::addcmul_out into a
// preallocated output (one pass over memory, no temporary for a * b).
#include "measure/torch/torch_kernels.hpp"
#include "measure/torch/torch_sampled_indices.hpp"
#include "measure/torch/torch_tensors.hpp"
#include "measure/torch/torch_tolerance.hpp"

#include <ATen/ops/addcmul.h>
#include <ATen/ops/empty.h>
#include <fmt/format.h>

#include <cmath>

namespace perfmatrix::torch_bench {
namespace {

// Elements recomputed per check: enough to hit every broadcast row and column pattern, few
// enough that a check costs far less than a batch.
constexpr std::int64_t kCheckedElements = 4096;

class ElementwiseWorkload final : public TorchWorkload {
public:
    ElementwiseWorkload(const ElementwiseShape& s, const TorchParams& p)
        : s_(s),
          precision_(precision_for(p.dtype, Accumulation::reductions)),
          a_(random_tensor({s.rows, s.cols}, p.dtype, p.device)),
          b_(random_tensor({s.operand_rows(), s.operand_cols()}, p.dtype, p.device)),
          c_(random_tensor({s.operand_rows(), s.operand_cols()}, p.dtype, p.device)),
          out_(at::empty({s.rows, s.cols}, a_.options())) {}

    void call() override { at::addcmul_out(out_, c_, a_, b_); }

    std::optional<std::string> verify_last() override {
        const HostView a(a_), b(b_), c(c_), out(out_);
        for (const std::int64_t index : sampled_indices(out.size(), kCheckedElements)) {
            const std::int64_t i = index / s_.cols, j = index % s_.cols;
            const std::int64_t operand = (s_.broadcast == Broadcast::row ? 0 : i) * s_.operand_cols() +
                                         (s_.broadcast == Broadcast::col ? 0 : j);
            const double product = a[index] * b[operand];
            const double ref = product + c[operand];
            const double tol = fma_tolerance(precision_, std::abs(product), std::abs(c[operand]));
            if (!(std::abs(out[index] - ref) <= tol)) {
                return fmt::format("elementwise out[{},{}] = {:.9g}, expected {:.9g} (broadcast {})", i, j, out[index],
                                   ref, to_string(s_.broadcast));
            }
        }
        return std::nullopt;
    }

    void corrupt_last_output() override { out_.mul_(-3).add_(1000); }

private:
    ElementwiseShape s_;
    Precision precision_;
    at::Tensor a_, b_, c_, out_;
};

}  // namespace

std::unique_ptr<TorchWorkload> make_elementwise_workload(const ElementwiseShape& s, const TorchParams& p) {
    return std::make_unique<ElementwiseWorkload>(s, p);
}

}  // namespace perfmatrix::torch_bench
