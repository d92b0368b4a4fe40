#include "measure/torch/torch_mlp_layers.hpp"

#include "measure/torch/torch_tensors.hpp"

#include <ATen/ops/gelu.h>
#include <ATen/ops/linear.h>
#include <ATen/ops/relu.h>

#include <cmath>

namespace perfmatrix::torch_bench {

MlpWeights random_mlp_weights(const MlpShape& s, Dtype dtype, Device device) {
    MlpWeights w;
    for (std::size_t i = 0; i + 1 < s.layers.size(); ++i) {
        const double bound = 1.0 / std::sqrt(static_cast<double>(s.layers[i]));
        w.weights.push_back(
            random_tensor({s.layers[i + 1], s.layers[i]}, Dtype::float64, device).mul_(bound).to(scalar_type(dtype)));
        w.biases.push_back(random_tensor({s.layers[i + 1]}, Dtype::float64, device).mul_(bound).to(scalar_type(dtype)));
    }
    return w;
}

at::Tensor mlp_forward(const MlpShape& s, const MlpWeights& w, const at::Tensor& input,
                       std::vector<at::Tensor>* outputs) {
    at::Tensor h = input;
    for (std::size_t i = 0; i < w.weights.size(); ++i) {
        h = at::linear(h, w.weights[i], w.biases[i]);
        if (i + 1 < w.weights.size()) h = s.activation == Activation::gelu ? at::gelu(h) : at::relu(h);
        if (outputs) outputs->push_back(h);
    }
    return h;
}

}  // namespace perfmatrix::torch_bench
