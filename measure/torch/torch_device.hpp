#pragma once
// What differs between device = "cpu" and "cuda": whether it can run here, how a batch is
// timed, what the GPU libraries may do to precision, and what the device is. No torch headers.

#include "measure/torch/torch_batch.hpp"
#include "measure/torch/torch_params.hpp"
#include "measure/torch/torch_workload.hpp"

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace perfmatrix::torch_bench {

// Why cases on `device` cannot run in this build on this machine; nullopt when they can.
std::optional<std::string> device_problem(Device device);

// CPU: the host clock. CUDA: events on the current stream (torch_cuda.hpp).
std::unique_ptr<BatchTimer> make_batch_timer(Device device);

WorkloadContext workload_context(Device device);

// The device's identity for the results: for CUDA its name, memory, driver and runtime.
std::vector<std::pair<std::string, std::string>> device_environment(Device device);

}  // namespace perfmatrix::torch_bench
