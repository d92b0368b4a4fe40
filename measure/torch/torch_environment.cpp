#include "measure/torch/torch_environment.hpp"

#include "measure/torch/torch_device.hpp"
#include "measure/torch/torch_text.hpp"

#include <ATen/Parallel.h>
#include <ATen/Version.h>
#include <torch/version.h>

#include <sstream>

namespace perfmatrix::torch_bench {
namespace {

// "  - CPU capability usage: AVX2" in at::show_config(): the vector ISA ATen's own kernels
// dispatch to (ATEN_CPU_CAPABILITY can lower it), which need not be the CPU's widest.
std::string cpu_capability() {
    std::istringstream config(at::show_config());
    const std::string key = "CPU capability usage:";
    for (std::string line; std::getline(config, line);) {
        if (const auto at = line.find(key); at != std::string::npos) return one_line(line.substr(at + key.size()));
    }
    return "unknown";
}

}  // namespace

std::vector<std::pair<std::string, std::string>> torch_environment(const TorchParams& p, const ThreadSetting& threads) {
    std::vector<std::pair<std::string, std::string>> env{
        {"torch.version", TORCH_VERSION},
        {"torch.threads", std::to_string(threads.intra_op)},
        {"torch.interop_threads", std::to_string(threads.interop)},
        {"torch.blas", threads.blas},
        {"torch.cpu_capability", cpu_capability()},
        {"torch.parallel_info", one_line(at::get_parallel_info())},
    };
    for (auto& kv : device_environment(p.device)) env.push_back(std::move(kv));
    return env;
}

}  // namespace perfmatrix::torch_bench
