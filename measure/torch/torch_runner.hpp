#pragma once
// The runner of the torch kinds inside the perfmatrix-torch module: sets and checks threads,
// records the library build, sets up the kind's tensors, calibrates a batch of calls, then
// times batches and verifies each batch's last output before its time counts.

#include "measure/model/runner.hpp"
#include "measure/torch/torch_params.hpp"

#include <functional>
#include <memory>
#include <string_view>

namespace perfmatrix::torch_bench {

class TorchWorkload;

// Called after each timed batch, right before its output is verified. Only tests pass one (to
// corrupt the output and see the case fail with wrong_result); job files cannot.
using TorchBeforeVerify = std::function<void(TorchWorkload&)>;

std::unique_ptr<Runner> make_torch_runner(TorchOp op, TorchBeforeVerify before_verify = {});

// The module's factory: make_torch_runner for a torch kind's name, nullptr for any other.
std::unique_ptr<Runner> make_torch_module_runner(std::string_view kind);

}  // namespace perfmatrix::torch_bench
