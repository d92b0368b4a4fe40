#pragma once
// The parameters of the torch kinds: their declaration (for job checking, on every machine,
// with or without libtorch) and their parsing into typed values (for the runner module). One
// parser serves both, so a job that passes the check cannot fail to parse in the module.
//
// The namespace is perfmatrix::torch_bench, not perfmatrix::torch: inside the latter, `torch::`
// would stop naming libtorch's own namespace in the module's sources.

#include "measure/model/kind.hpp"
#include "measure/param_reading.hpp"
#include "measure/torch/torch_shapes.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace perfmatrix::torch_bench {

enum class TorchOp { matmul, conv2d, elementwise, reduction, mlp, train_step };
enum class Dtype { float32, float64, bfloat16 };
enum class Device { cpu, cuda };

inline constexpr TorchOp kAllOps[] = {TorchOp::matmul,    TorchOp::conv2d, TorchOp::elementwise,
                                      TorchOp::reduction, TorchOp::mlp,    TorchOp::train_step};

using Shape = std::variant<MatmulShape, Conv2dShape, ElementwiseShape, ReductionShape, MlpShape, TrainShape>;

struct TorchParams {
    TorchOp op = TorchOp::matmul;
    Dtype dtype = Dtype::float32;
    Device device = Device::cpu;
    int threads = 1;         // intra-op threads (at::set_num_threads), checked after setting
    std::uint64_t seed = 1;  // for the random inputs and weights
    double min_batch_time = kCallLoopMinBatchTime;
    Shape shape;
};

const char* to_string(TorchOp op);
const char* to_string(Dtype dtype);
const char* to_string(Device device);
std::size_t element_size(Dtype dtype);

// "torch_matmul", ...
std::string torch_kind_name(TorchOp op);

std::variant<TorchParams, ParamProblem> parse_torch_params(TorchOp op, const nlohmann::json& params);

// The capabilities a case needs: {"gpu"} when device = "cuda".
std::vector<std::string> torch_implied_requires(const nlohmann::json& params);

Kind torch_kind(TorchOp op);

}  // namespace perfmatrix::torch_bench
