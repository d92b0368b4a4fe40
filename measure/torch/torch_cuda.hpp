#pragma once
// CUDA runtime pieces of the torch module, built only when PERFMATRIX_CUDA links the runtime
// (compile definition PERFMATRIX_TORCH_CUDA_RUNTIME). No torch or CUDA headers here.

#include "measure/torch/torch_batch.hpp"

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace perfmatrix::torch_bench {

// Times a batch with a pair of cudaEvents on libtorch's current stream: the GPU's own clock,
// so the launch queue the host runs ahead in does not blur the figure.
std::unique_ptr<BatchTimer> make_cuda_event_timer();

// The current device's name, memory, compute capability, and the driver and runtime versions;
// a runtime error becomes the value of torch.cuda.error rather than an exception.
std::vector<std::pair<std::string, std::string>> cuda_device_environment();

}  // namespace perfmatrix::torch_bench
