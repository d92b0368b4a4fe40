#include "measure/torch/torch_params.hpp"

#include "measure/param_reading.hpp"
#include "measure/torch/torch_work.hpp"

#include <fmt/format.h>

namespace perfmatrix::torch_bench {
namespace {

// Tensors past this cannot be allocated on any machine we target; refusing at load beats an
// allocation failure minutes into a run.
constexpr double kMaxTensorBytes = 1e12;

Dtype dtype_param(const nlohmann::json& params) {
    const auto name = choice_param(params, "dtype", "float32", {"float32", "float64", "bfloat16"});
    return name == "float64" ? Dtype::float64 : name == "bfloat16" ? Dtype::bfloat16 : Dtype::float32;
}

Device device_param(const nlohmann::json& params) {
    return choice_param(params, "device", "cpu", {"cpu", "cuda"}) == "cuda" ? Device::cuda : Device::cpu;
}

Shape read_shape(TorchOp op, const nlohmann::json& params) {
    switch (op) {
        case TorchOp::matmul: return read_matmul_shape(params);
        case TorchOp::conv2d: return read_conv2d_shape(params);
        case TorchOp::elementwise: return read_elementwise_shape(params);
        case TorchOp::reduction: return read_reduction_shape(params);
        case TorchOp::mlp: return read_mlp_shape(params);
        case TorchOp::train_step: return read_train_shape(params);
    }
    return MatmulShape{};
}

std::vector<ParamSpec> shape_specs(TorchOp op) {
    switch (op) {
        case TorchOp::matmul: return matmul_param_specs();
        case TorchOp::conv2d: return conv2d_param_specs();
        case TorchOp::elementwise: return elementwise_param_specs();
        case TorchOp::reduction: return reduction_param_specs();
        case TorchOp::mlp: return mlp_param_specs();
        case TorchOp::train_step: return train_param_specs();
    }
    return {};
}

std::vector<ParamSpec> common_specs() {
    return {
        {"dtype", ParamType::string, false, "float32 (default), float64 or bfloat16"},
        {"threads", ParamType::integer, false,
         "intra-op threads (at::set_num_threads, and OpenBLAS's when libtorch uses it; default 1)"},
        {"device", ParamType::string, false, "cpu (default) or cuda (the case then requires a gpu)"},
        {"seed", ParamType::integer, false, "seed of the random inputs and weights (default 1)"},
        min_batch_time_spec(kCallLoopMinBatchTime),
    };
}

const char* summary(TorchOp op) {
    switch (op) {
        case TorchOp::matmul: return "libtorch matrix product C = A B (at::mm)";
        case TorchOp::conv2d: return "libtorch 2-D convolution, no bias (at::conv2d)";
        case TorchOp::elementwise: return "libtorch out = a * b + c with broadcasting (at::addcmul, memory-bound)";
        case TorchOp::reduction: return "libtorch sum/mean/max/2-norm over a dim or all (memory-bound)";
        case TorchOp::mlp: return "libtorch MLP forward pass (at::linear + relu/gelu)";
        case TorchOp::train_step: return "libtorch MLP training step: forward, MSE loss, backward, SGD or Adam step";
    }
    return "";
}

}  // namespace

const char* to_string(TorchOp op) {
    switch (op) {
        case TorchOp::matmul: return "matmul";
        case TorchOp::conv2d: return "conv2d";
        case TorchOp::elementwise: return "elementwise";
        case TorchOp::reduction: return "reduction";
        case TorchOp::mlp: return "mlp";
        case TorchOp::train_step: return "train_step";
    }
    return "unknown";
}

const char* to_string(Dtype dtype) {
    switch (dtype) {
        case Dtype::float32: return "float32";
        case Dtype::float64: return "float64";
        case Dtype::bfloat16: return "bfloat16";
    }
    return "unknown";
}

const char* to_string(Device device) { return device == Device::cuda ? "cuda" : "cpu"; }

std::size_t element_size(Dtype dtype) {
    switch (dtype) {
        case Dtype::float32: return 4;
        case Dtype::float64: return 8;
        case Dtype::bfloat16: return 2;
    }
    return 0;
}

std::string torch_kind_name(TorchOp op) { return std::string("torch_") + to_string(op); }

std::variant<TorchParams, ParamProblem> parse_torch_params(TorchOp op, const nlohmann::json& params) {
    return parse_params([&] {
        reject_unknown_params(params, torch_kind(op));
        TorchParams p;
        p.op = op;
        p.dtype = dtype_param(params);
        p.device = device_param(params);
        p.threads = static_cast<int>(integer_param(params, "threads", 1, 1, 1024));
        p.seed = static_cast<std::uint64_t>(integer_param(params, "seed", 1, 0, (1LL << 53)));
        p.min_batch_time = min_batch_time_param(params, kCallLoopMinBatchTime);
        p.shape = read_shape(op, params);
        if (const double bytes = tensor_bytes(p); bytes > kMaxTensorBytes) {
            invalid_param(shape_specs(op).front().name,
                          fmt::format("the tensors would take {:.3g} bytes; the limit is {:.0g}", bytes,
                                      kMaxTensorBytes));
        }
        return p;
    });
}

std::vector<std::string> torch_implied_requires(const nlohmann::json& params) {
    // Only the device matters; a bad value is the check's to report, not this function's.
    if (params.is_object() && params.contains("device") && params.at("device") == "cuda") return {"gpu"};
    return {};
}

Kind torch_kind(TorchOp op) {
    Kind spec = declared_kind(torch_kind_name(op), summary(op), joined(shape_specs(op), common_specs()),
                              [op](const nlohmann::json& params) { return parse_torch_params(op, params); });
    spec.implied_requires = torch_implied_requires;
    return spec;
}

}  // namespace perfmatrix::torch_bench
