#include "measure/torch/torch_shapes.hpp"

#include "measure/param_reading.hpp"

#include <fmt/format.h>

#include <charconv>
#include <string_view>

namespace perfmatrix::torch_bench {
namespace {

// Tensor dimensions are int64 in libtorch; 2^31-1 per dimension is already far past any tensor
// that fits in memory, and keeps products of two dimensions exact in doubles.
constexpr long long kMaxDim = (1LL << 31) - 1;

std::int64_t dim_param(const nlohmann::json& params, const char* name, std::int64_t fallback) {
    return integer_param(params, name, fallback, 1, kMaxDim);
}

std::int64_t required_dim(const nlohmann::json& params, const char* name, const char* what) {
    if (!params.contains(name)) invalid_param(name, fmt::format("required: {}", what));
    return dim_param(params, name, 1);
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return s;
}

}  // namespace

const char* to_string(Broadcast b) {
    switch (b) {
        case Broadcast::none: return "none";
        case Broadcast::row: return "row";
        case Broadcast::col: return "col";
    }
    return "unknown";
}

const char* to_string(ReduceOp op) {
    switch (op) {
        case ReduceOp::sum: return "sum";
        case ReduceOp::mean: return "mean";
        case ReduceOp::max: return "max";
        case ReduceOp::norm: return "norm";
    }
    return "unknown";
}

const char* to_string(Activation a) { return a == Activation::relu ? "relu" : "gelu"; }
const char* to_string(Optimizer o) { return o == Optimizer::sgd ? "sgd" : "adam"; }

MatmulShape read_matmul_shape(const nlohmann::json& params) {
    MatmulShape s;
    s.n = required_dim(params, "n", "columns of B and C");
    s.m = dim_param(params, "m", s.n);
    s.k = dim_param(params, "k", s.n);
    return s;
}

Conv2dShape read_conv2d_shape(const nlohmann::json& params) {
    Conv2dShape s;
    s.batch = dim_param(params, "batch", 1);
    s.in_channels = required_dim(params, "in_channels", "input channels");
    s.out_channels = required_dim(params, "out_channels", "output channels");
    s.height = required_dim(params, "height", "input height in pixels");
    s.width = dim_param(params, "width", s.height);
    s.kernel_size = integer_param(params, "kernel_size", 3, 1, 1024);
    s.stride = integer_param(params, "stride", 1, 1, 1024);
    s.padding = integer_param(params, "padding", 0, 0, 1024);
    if (s.out_height() < 1 || s.out_width() < 1 || s.height + 2 * s.padding < s.kernel_size ||
        s.width + 2 * s.padding < s.kernel_size) {
        invalid_param("kernel_size", fmt::format("a {0}x{0} kernel does not fit a {1}x{2} input padded by {3}",
                                                 s.kernel_size, s.height, s.width, s.padding));
    }
    return s;
}

ElementwiseShape read_elementwise_shape(const nlohmann::json& params) {
    ElementwiseShape s;
    s.rows = required_dim(params, "rows", "rows of a and of the output");
    s.cols = dim_param(params, "cols", s.rows);
    const auto b = choice_param(params, "broadcast", "none", {"none", "row", "col"});
    s.broadcast = b == "row" ? Broadcast::row : b == "col" ? Broadcast::col : Broadcast::none;
    return s;
}

ReductionShape read_reduction_shape(const nlohmann::json& params) {
    ReductionShape s;
    s.rows = required_dim(params, "rows", "rows of the reduced tensor");
    s.cols = dim_param(params, "cols", s.rows);
    const auto op = choice_param(params, "op", "sum", {"sum", "mean", "max", "norm"});
    s.op = op == "mean" ? ReduceOp::mean : op == "max" ? ReduceOp::max : op == "norm" ? ReduceOp::norm : ReduceOp::sum;
    // A string, not an integer, so one matrix axis can hold "all" beside 0 and 1.
    const auto dim = choice_param(params, "dim", "all", {"all", "0", "1"});
    if (dim != "all") s.dim = dim == "0" ? 0 : 1;
    return s;
}

std::vector<std::int64_t> parse_layer_sizes(const std::string& text, const char* param) {
    const auto bad = [&](std::string_view why) {
        invalid_param(param, fmt::format("{} in '{}': expected at least two positive layer sizes separated by "
                                         "commas, like \"1024,4096,1024\"",
                                         why, text));
    };
    std::vector<std::int64_t> sizes;
    std::string_view rest = text;
    for (;;) {
        const auto comma = rest.find(',');
        const auto item = trim(rest.substr(0, comma));
        long long value = 0;
        const auto [end, ec] = std::from_chars(item.data(), item.data() + item.size(), value);
        if (item.empty() || ec != std::errc() || end != item.data() + item.size())
            bad(fmt::format("'{}' is not a size", item));
        if (value < 1 || value > kMaxDim) bad(fmt::format("{} is out of range 1-{}", value, kMaxDim));
        sizes.push_back(value);
        if (comma == std::string_view::npos) break;
        rest.remove_prefix(comma + 1);
    }
    if (sizes.size() < 2) bad("only one size");
    return sizes;
}

MlpShape read_mlp_shape(const nlohmann::json& params) {
    MlpShape s;
    s.batch = dim_param(params, "batch", 64);
    if (!params.contains("layers")) invalid_param("layers", "required: layer sizes like \"1024,4096,4096,1024\"");
    if (!params.at("layers").is_string()) invalid_param("layers", "expected a string like \"1024,4096,4096,1024\"");
    s.layers = parse_layer_sizes(params.at("layers").get<std::string>(), "layers");
    s.activation = choice_param(params, "activation", "relu", {"relu", "gelu"}) == "gelu" ? Activation::gelu
                                                                                          : Activation::relu;
    return s;
}

TrainShape read_train_shape(const nlohmann::json& params) {
    TrainShape s;
    s.mlp = read_mlp_shape(params);
    s.optimizer = choice_param(params, "optimizer", "sgd", {"sgd", "adam"}) == "adam" ? Optimizer::adam
                                                                                      : Optimizer::sgd;
    // Defaults small enough that the loss falls steadily on the fixed batch, large enough that
    // every step moves the weights (checked before timing and after each batch).
    s.lr = number_param(params, "lr", s.optimizer == Optimizer::adam ? 1e-3 : 1e-2, 1e-9, 10.0);
    return s;
}

std::vector<ParamSpec> matmul_param_specs() {
    return {{"n", ParamType::integer, true, "columns of B and C"},
            {"m", ParamType::integer, false, "rows of A and C (default n)"},
            {"k", ParamType::integer, false, "columns of A, rows of B (default n)"}};
}

std::vector<ParamSpec> conv2d_param_specs() {
    return {{"batch", ParamType::integer, false, "images per call (default 1)"},
            {"in_channels", ParamType::integer, true, "input channels"},
            {"out_channels", ParamType::integer, true, "output channels"},
            {"height", ParamType::integer, true, "input height"},
            {"width", ParamType::integer, false, "input width (default height)"},
            {"kernel_size", ParamType::integer, false, "square kernel side (default 3)"},
            {"stride", ParamType::integer, false, "stride on both axes (default 1)"},
            {"padding", ParamType::integer, false, "zero padding on both axes (default 0)"}};
}

std::vector<ParamSpec> elementwise_param_specs() {
    return {{"rows", ParamType::integer, true, "rows of a and of out = a * b + c"},
            {"cols", ParamType::integer, false, "columns (default rows)"},
            {"broadcast", ParamType::string, false,
             "none (default: b, c are rows x cols), row (b, c are 1 x cols) or col (b, c are rows x 1)"}};
}

std::vector<ParamSpec> reduction_param_specs() {
    return {{"rows", ParamType::integer, true, "rows of the reduced tensor"},
            {"cols", ParamType::integer, false, "columns (default rows)"},
            {"op", ParamType::string, false, "sum (default), mean, max or norm (2-norm)"},
            {"dim", ParamType::string, false, "\"all\" (default), \"0\" (over rows) or \"1\" (over columns)"}};
}

std::vector<ParamSpec> mlp_param_specs() {
    return {{"batch", ParamType::integer, false, "rows of the input (default 64)"},
            {"layers", ParamType::string, true, "layer sizes, input first: \"1024,4096,4096,1024\""},
            {"activation", ParamType::string, false, "relu (default) or gelu, after every layer but the last"}};
}

std::vector<ParamSpec> train_param_specs() {
    auto specs = mlp_param_specs();
    specs.push_back({"optimizer", ParamType::string, false, "sgd (default) or adam"});
    specs.push_back({"lr", ParamType::number, false, "learning rate (default 0.01 for sgd, 0.001 for adam)"});
    return specs;
}

}  // namespace perfmatrix::torch_bench
