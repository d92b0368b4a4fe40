// torch_train_step: one training step of the MLP: zero the gradients, forward, MSE loss against
// fixed random targets, backward (autograd), and a torch::optim SGD or Adam step. The same
// batch every step, so the loss must keep falling: the check that training works at all.
#include "measure/torch/torch_kernels.hpp"
#include "measure/torch/torch_mlp_layers.hpp"
#include "measure/torch/torch_tensors.hpp"
#include "measure/torch/torch_tolerance.hpp"

#include <ATen/ops/equal.h>
#include <ATen/ops/mean.h>
#include <ATen/ops/square.h>
#include <ATen/ops/sub.h>
#include <fmt/format.h>
#include <torch/optim/adam.h>
#include <torch/optim/sgd.h>

#include <cmath>
#include <vector>

namespace perfmatrix::torch_bench {
namespace {

// Steps taken before timing to see the loss fall: enough to rise above rounding noise,
// cheap beside the calibration that follows.
constexpr int kConvergenceSteps = 5;

class TrainStepWorkload final : public TorchWorkload {
public:
    TrainStepWorkload(const TrainShape& s, const TorchParams& p)
        : s_(s),
          precision_(precision_for(p.dtype, Accumulation::reductions)),
          input_(random_tensor({s.mlp.batch, s.mlp.layers.front()}, p.dtype, p.device)),
          target_(random_tensor({s.mlp.batch, s.mlp.layers.back()}, p.dtype, p.device)),
          weights_(random_mlp_weights(s.mlp, p.dtype, p.device)) {
        for (auto* group : {&weights_.weights, &weights_.biases}) {
            for (auto& t : *group) {
                t.requires_grad_(true);
                params_.push_back(t);
            }
        }
        if (s.optimizer == Optimizer::adam)
            optimizer_ = std::make_unique<::torch::optim::Adam>(params_, ::torch::optim::AdamOptions(s.lr));
        else
            optimizer_ = std::make_unique<::torch::optim::SGD>(params_, ::torch::optim::SGDOptions(s.lr));
    }

    void call() override {
        optimizer_->zero_grad();
        output_ = mlp_forward(s_.mlp, weights_, input_);
        // The MSE as its definition, not at::mse_loss: libtorch 1.13 has no bfloat16 mse_loss
        // on the CPU. Autograd differentiates it all the same.
        loss_ = at::mean(at::square(at::sub(output_, target_)));
        loss_.backward();
        optimizer_->step();
    }

    // The loss, recomputed in double from the network's outputs, must fall over a few steps
    // on the fixed batch; each step must be finite and change the weights.
    std::optional<std::string> check_before_timing() override {
        std::vector<double> losses;
        for (int step = 0; step < kConvergenceSteps; ++step) {
            before_batch();
            call();
            if (auto wrong = verify_last()) return wrong;
            losses.push_back(last_loss_);
        }
        if (!(losses.back() < losses.front())) {
            return fmt::format(
                "train step ({}, lr {}): the loss did not fall over {} steps on a fixed batch: {:.9g} -> "
                "{:.9g}",
                to_string(s_.optimizer), s_.lr, kConvergenceSteps, losses.front(), losses.back());
        }
        return std::nullopt;
    }

    void before_batch() override {
        snapshot_.clear();
        for (const auto& t : params_) snapshot_.push_back(t.detach().clone());
    }

    // After a batch: the last step's loss is finite and matches the outputs, and every
    // parameter tensor moved since the batch began.
    std::optional<std::string> verify_last() override {
        const HostView out(output_.detach()), target(target_);
        double sum = 0, abs_sum = 0;
        for (std::int64_t i = 0; i < out.size(); ++i) {
            const double e = out[i] - target[i];
            sum += e * e;
            abs_sum += e * e;
        }
        last_loss_ = sum / static_cast<double>(out.size());
        const double got = loss_.detach().to(c10::kDouble).item<double>();
        if (!std::isfinite(got) || !std::isfinite(last_loss_)) return fmt::format("train step: the loss is {}", got);
        // The squared differences are formed from outputs rounded to the dtype: a few output
        // roundings each, then the mean's own sum.
        const double tol = sum_tolerance(precision_, out.size(), abs_sum / static_cast<double>(out.size()), last_loss_,
                                         true) +
                           4 * precision_.out * last_loss_;
        if (!(std::abs(got - last_loss_) <= tol)) {
            return fmt::format("train step: loss {:.9g}, but the outputs give {:.9g} (tolerance {:.3g})", got,
                               last_loss_, tol);
        }
        for (std::size_t i = 0; i < params_.size(); ++i) {
            if (at::equal(snapshot_[i], params_[i].detach())) {
                return fmt::format(
                    "train step ({}, lr {}): parameter {} of {} did not change (updates below the "
                    "resolution of the dtype?)",
                    to_string(s_.optimizer), s_.lr, i, params_.size());
            }
        }
        return std::nullopt;
    }

    void corrupt_last_output() override { loss_ = loss_.detach().mul(-3).add(1000); }

private:
    TrainShape s_;
    Precision precision_;
    at::Tensor input_, target_;
    MlpWeights weights_;
    std::vector<at::Tensor> params_, snapshot_;
    std::unique_ptr<::torch::optim::Optimizer> optimizer_;
    at::Tensor output_, loss_;
    double last_loss_ = 0;
};

}  // namespace

std::unique_ptr<TorchWorkload> make_train_step_workload(const TrainShape& s, const TorchParams& p) {
    return std::make_unique<TrainStepWorkload>(s, p);
}

}  // namespace perfmatrix::torch_bench
