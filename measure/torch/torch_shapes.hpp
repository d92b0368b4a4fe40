#pragma once
// What each torch kind computes: its sizes and options, read from a case's parameters. No
// torch headers here: job loading checks these on machines without libtorch.

#include "measure/model/kind.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace perfmatrix::torch_bench {

// C(m x n) = A(m x k) B(k x n)
struct MatmulShape {
    std::int64_t m = 1, n = 1, k = 1;
};

// input (batch, in_channels, height, width) * weight (out_channels, in_channels, kernel, kernel),
// no bias, square kernel, the same stride and padding on both axes.
struct Conv2dShape {
    std::int64_t batch = 1, in_channels = 1, out_channels = 1, height = 1, width = 1;
    std::int64_t kernel_size = 3, stride = 1, padding = 0;

    std::int64_t out_height() const { return (height + 2 * padding - kernel_size) / stride + 1; }
    std::int64_t out_width() const { return (width + 2 * padding - kernel_size) / stride + 1; }
};

// Which operands of out = a * b + c are broadcast: none (all rows x cols), row (b and c are one
// row, 1 x cols, repeated down the rows) or col (b and c are one column, rows x 1).
enum class Broadcast { none, row, col };

struct ElementwiseShape {
    std::int64_t rows = 1, cols = 1;
    Broadcast broadcast = Broadcast::none;

    std::int64_t operand_rows() const { return broadcast == Broadcast::row ? 1 : rows; }
    std::int64_t operand_cols() const { return broadcast == Broadcast::col ? 1 : cols; }
};

enum class ReduceOp { sum, mean, max, norm };

// A reduction of a rows x cols tensor over dim 0, dim 1 or (no dim) all of it.
struct ReductionShape {
    std::int64_t rows = 1, cols = 1;
    ReduceOp op = ReduceOp::sum;
    std::optional<int> dim;

    std::int64_t output_elements() const { return !dim ? 1 : *dim == 0 ? cols : rows; }
    std::int64_t reduced_length() const { return !dim ? rows * cols : *dim == 0 ? rows : cols; }
};

enum class Activation { relu, gelu };

// A stack of linear layers (with bias): layers = {in, hidden..., out}; the activation follows
// every layer but the last.
struct MlpShape {
    std::int64_t batch = 1;
    std::vector<std::int64_t> layers;
    Activation activation = Activation::relu;
};

enum class Optimizer { sgd, adam };

// One training step of an MlpShape network: forward, MSE loss against fixed targets, backward,
// optimizer step.
struct TrainShape {
    MlpShape mlp;
    Optimizer optimizer = Optimizer::sgd;
    double lr = 0.01;
};

const char* to_string(Broadcast b);
const char* to_string(ReduceOp op);
const char* to_string(Activation a);
const char* to_string(Optimizer o);

// Readers: each throws InvalidParam (measure/param_reading.hpp) naming the bad parameter.
MatmulShape read_matmul_shape(const nlohmann::json& params);
Conv2dShape read_conv2d_shape(const nlohmann::json& params);
ElementwiseShape read_elementwise_shape(const nlohmann::json& params);
ReductionShape read_reduction_shape(const nlohmann::json& params);
MlpShape read_mlp_shape(const nlohmann::json& params);
TrainShape read_train_shape(const nlohmann::json& params);

// "1024,4096,1024" -> {1024, 4096, 1024}; throws InvalidParam for `param` otherwise.
std::vector<std::int64_t> parse_layer_sizes(const std::string& text, const char* param);

// The parameters each kind declares beyond the common ones.
std::vector<ParamSpec> matmul_param_specs();
std::vector<ParamSpec> conv2d_param_specs();
std::vector<ParamSpec> elementwise_param_specs();
std::vector<ParamSpec> reduction_param_specs();
std::vector<ParamSpec> mlp_param_specs();
std::vector<ParamSpec> train_param_specs();

}  // namespace perfmatrix::torch_bench
