#pragma once
// The network both torch_mlp and torch_train_step run: linear layers with bias, the activation
// after every layer but the last, initialised as torch::nn::Linear does. Module sources only.

#include "measure/torch/torch_params.hpp"

#include <ATen/core/Tensor.h>

#include <vector>

namespace perfmatrix::torch_bench {

struct MlpWeights {
    std::vector<at::Tensor> weights;  // layer i: (layers[i+1], layers[i])
    std::vector<at::Tensor> biases;   // layer i: (layers[i+1])
};

// Uniform in [-1/sqrt(in), 1/sqrt(in)), nn.Linear's default, so activations keep their scale
// through the layers.
MlpWeights random_mlp_weights(const MlpShape& s, Dtype dtype, Device device);

// The forward pass. `outputs`, when given, receives each layer's output (after its activation).
at::Tensor mlp_forward(const MlpShape& s, const MlpWeights& w, const at::Tensor& input,
                       std::vector<at::Tensor>* outputs = nullptr);

}  // namespace perfmatrix::torch_bench
