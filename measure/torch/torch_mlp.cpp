// torch_mlp: the forward pass of a stack of linear layers (at::linear, then relu or gelu), as
// inference runs it: every call allocates its activations.
#include "measure/torch/torch_kernels.hpp"
#include "measure/torch/torch_mlp_layers.hpp"
#include "measure/torch/torch_tensors.hpp"
#include "measure/torch/torch_tolerance.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace perfmatrix::torch_bench {
namespace {

// gelu(x) = x * Phi(x) has slope at most 1.13: an error in its input grows by that much.
constexpr double kGeluSlope = 1.13;

double gelu(double x) { return 0.5 * x * (1.0 + std::erf(x / std::sqrt(2.0))); }

class MlpWorkload final : public TorchWorkload {
public:
    MlpWorkload(const MlpShape& s, const TorchParams& p, const WorkloadContext& ctx)
        : s_(s),
          precision_(precision_for(p.dtype, Accumulation::products, ctx.tf32_matmul, ctx.reduced_reduction)),
          input_(random_tensor({s.batch, s.layers.front()}, p.dtype, p.device)),
          weights_(random_mlp_weights(s, p.dtype, p.device)) {}

    void call() override {
        outputs_.clear();
        mlp_forward(s_, weights_, input_, &outputs_);
    }

    // Each layer of two rows of the batch (one moving from check to check, and the last),
    // recomputed by a naive loop in double from the layer's actual input: an independent path
    // that also shows which layer went wrong.
    std::optional<std::string> verify_last() override {
        std::vector<HostView> acts{HostView(input_)};
        for (const auto& out : outputs_) acts.emplace_back(out);
        const std::int64_t rows[] = {next_row_, s_.batch - 1};
        next_row_ = (next_row_ + 1) % s_.batch;
        for (std::size_t layer = 0; layer + 1 < acts.size(); ++layer) {
            const HostView w(weights_.weights[layer]), b(weights_.biases[layer]);
            for (const std::int64_t row : rows) {
                if (auto wrong = verify_row(layer, row, acts[layer], acts[layer + 1], w, b)) return wrong;
            }
        }
        return std::nullopt;
    }

    void corrupt_last_output() override { outputs_.back().mul_(-3).add_(1000); }

private:
    std::optional<std::string> verify_row(std::size_t layer, std::int64_t row, const HostView& in, const HostView& out,
                                          const HostView& w, const HostView& b) const {
        const std::int64_t n_in = s_.layers[layer], n_out = s_.layers[layer + 1];
        const bool activated = layer + 2 < s_.layers.size();
        for (std::int64_t j = 0; j < n_out; ++j) {
            double pre = b[j], abs_sum = std::abs(b[j]);
            for (std::int64_t k = 0; k < n_in; ++k) {
                const double prod = in[row * n_in + k] * w[j * n_in + k];
                pre += prod;
                abs_sum += std::abs(prod);
            }
            const double pre_tol = dot_tolerance(precision_, n_in + 1, abs_sum, pre);
            double ref = pre, tol = pre_tol;  // relu moves no value further than its input moved
            if (activated && s_.activation == Activation::relu) ref = std::max(pre, 0.0);
            if (activated && s_.activation == Activation::gelu) {
                ref = gelu(pre);
                // Its own rounding and the erf approximation: a few roundings of the dtype,
                // relative to x (gelu computes x * Phi(x)).
                tol = kGeluSlope * pre_tol + 4 * precision_.out * (std::abs(ref) + std::abs(pre));
            }
            const double got = out[row * n_out + j];
            if (!(std::abs(got - ref) <= tol)) {
                return fmt::format("mlp layer {} output[{},{}] = {:.9g}, expected {:.9g} (tolerance {:.3g})", layer,
                                   row, j, got, ref, tol);
            }
        }
        return std::nullopt;
    }

    MlpShape s_;
    Precision precision_;
    at::Tensor input_;
    MlpWeights weights_;
    std::vector<at::Tensor> outputs_;
    std::int64_t next_row_ = 0;
};

}  // namespace

std::unique_ptr<TorchWorkload> make_mlp_workload(const MlpShape& s, const TorchParams& p, const WorkloadContext& ctx) {
    return std::make_unique<MlpWorkload>(s, p, ctx);
}

}  // namespace perfmatrix::torch_bench
