#pragma once
// What produced a torch case's numbers, for CaseOutcome::environment. No torch headers.

#include "measure/torch/torch_params.hpp"
#include "measure/torch/torch_threads.hpp"

#include <string>
#include <utility>
#include <vector>

namespace perfmatrix::torch_bench {

// torch.version, torch.threads, torch.interop_threads, torch.blas, torch.cpu_capability,
// torch.parallel_info, torch.cuda_available, torch.device (and the GPU's identity for cuda).
std::vector<std::pair<std::string, std::string>> torch_environment(const TorchParams& p, const ThreadSetting& threads);

}  // namespace perfmatrix::torch_bench
