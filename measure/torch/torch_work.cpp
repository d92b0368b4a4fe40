#include "measure/torch/torch_work.hpp"

#include <variant>

namespace perfmatrix::torch_bench {
namespace {

double d(std::int64_t v) { return static_cast<double>(v); }

// Flops count multiply-adds as 2, the standard convention (blas_gemm counts 2mnk too).
// Bias additions, activations and the loss are O(outputs), negligible beside the O(outputs *
// inputs) products, and left out.

Work work(const MatmulShape& s, double) {
    return {2 * d(s.m) * d(s.n) * d(s.k), 0};  // 2mnk
}

Work work(const Conv2dShape& s, double) {
    // 2 * N * Cout * Hout * Wout * Cin * K * K: each output point is a dot product over
    // Cin * K * K inputs (padding zeros included, as every library computes them).
    return {2 * d(s.batch) * d(s.out_channels) * d(s.out_height()) * d(s.out_width()) * d(s.in_channels) *
                d(s.kernel_size) * d(s.kernel_size),
            0};
}

Work work(const ElementwiseShape& s, double size) {
    // out = a * b + c: a and out are rows x cols; b and c are read once each at their own size
    // (a broadcast operand is read from memory once, then from cache).
    const double full = d(s.rows) * d(s.cols);
    const double operand = d(s.operand_rows()) * d(s.operand_cols());
    return {0, (2 * full + 2 * operand) * size};
}

Work work(const ReductionShape& s, double size) {
    return {0, (d(s.rows) * d(s.cols) + d(s.output_elements())) * size};  // read input, write output
}

Work work(const MlpShape& s, double) { return {mlp_forward_flops(s), 0}; }

Work work(const TrainShape& s, double) {
    // Backward costs two products per layer (input gradient and weight gradient), each as
    // large as the forward one, except the first layer's input gradient: the data needs
    // none. So about 3x the forward pass.
    const double forward = mlp_forward_flops(s.mlp);
    const double first_layer = 2 * d(s.mlp.batch) * d(s.mlp.layers[0]) * d(s.mlp.layers[1]);
    return {3 * forward - first_layer, 0};
}

double weights(const MlpShape& s) {
    double total = 0;
    for (std::size_t i = 0; i + 1 < s.layers.size(); ++i)
        total += d(s.layers[i]) * d(s.layers[i + 1]) + d(s.layers[i + 1]);
    return total;
}

double activations(const MlpShape& s) {
    double total = 0;
    for (auto width : s.layers) total += d(s.batch) * d(width);
    return total;
}

double elements(const MatmulShape& s) { return d(s.m) * d(s.k) + d(s.k) * d(s.n) + d(s.m) * d(s.n); }
double elements(const Conv2dShape& s) {
    return d(s.batch) * d(s.in_channels) * d(s.height) * d(s.width) +
           d(s.out_channels) * d(s.in_channels) * d(s.kernel_size) * d(s.kernel_size) +
           d(s.batch) * d(s.out_channels) * d(s.out_height()) * d(s.out_width());
}
double elements(const ElementwiseShape& s) {
    return 2 * d(s.rows) * d(s.cols) + 2 * d(s.operand_rows()) * d(s.operand_cols());
}
double elements(const ReductionShape& s) { return d(s.rows) * d(s.cols) + d(s.output_elements()); }
double elements(const MlpShape& s) { return weights(s) + activations(s); }
// Weights, their gradients and Adam's two moments; activations kept for backward, and their
// gradients.
double elements(const TrainShape& s) { return 4 * weights(s.mlp) + 2 * activations(s.mlp); }

}  // namespace

double mlp_forward_flops(const MlpShape& s) {
    double flops = 0;
    for (std::size_t i = 0; i + 1 < s.layers.size(); ++i) flops += 2 * d(s.batch) * d(s.layers[i]) * d(s.layers[i + 1]);
    return flops;
}

Work work_per_call(const TorchParams& p) {
    const double size = static_cast<double>(element_size(p.dtype));
    return std::visit([&](const auto& s) { return work(s, size); }, p.shape);
}

double tensor_bytes(const TorchParams& p) {
    const double size = static_cast<double>(element_size(p.dtype));
    return std::visit([&](const auto& s) { return elements(s) * size; }, p.shape);
}

}  // namespace perfmatrix::torch_bench
