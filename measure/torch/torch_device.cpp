#include "measure/torch/torch_device.hpp"

#include <ATen/Context.h>
#include <torch/cuda.h>
#include <torch/version.h>

#if PERFMATRIX_TORCH_CUDA_RUNTIME
#include "measure/torch/torch_cuda.hpp"
#endif

namespace perfmatrix::torch_bench {

std::optional<std::string> device_problem(Device device) {
    if (device == Device::cpu) return std::nullopt;
    if (!at::hasCUDA()) return "this libtorch has no CUDA (it was built for the CPU only)";
#if !PERFMATRIX_TORCH_CUDA_RUNTIME
    return "perfmatrix-torch was built without the CUDA runtime (PERFMATRIX_CUDA off), so it cannot time GPU work";
#else
    if (!::torch::cuda::is_available()) return "libtorch has CUDA but sees no GPU";
    return std::nullopt;
#endif
}

std::unique_ptr<BatchTimer> make_batch_timer(Device device) {
#if PERFMATRIX_TORCH_CUDA_RUNTIME
    if (device == Device::cuda) return make_cuda_event_timer();
#else
    (void)device;  // device_problem() refused CUDA cases before any timer is made
#endif
    return make_host_timer();
}

WorkloadContext workload_context(Device device) {
    WorkloadContext ctx;
    if (device == Device::cuda) {
        const auto& context = at::globalContext();
        ctx.tf32_matmul = context.allowTF32CuBLAS();
        ctx.tf32_conv = context.allowTF32CuDNN();
        // libtorch 1.x runs bfloat16 GEMMs with float reductions; 2.x may reduce in bfloat16
        // (allow_bf16_reduced_precision_reduction). Assume it may, unless the build says no.
#if defined(TORCH_VERSION_MAJOR) && TORCH_VERSION_MAJOR >= 2
        ctx.reduced_reduction = context.allowBF16ReductionCuBLAS();
#endif
    }
    return ctx;
}

std::vector<std::pair<std::string, std::string>> device_environment(Device device) {
    std::vector<std::pair<std::string, std::string>> env{
        {"torch.cuda_available", ::torch::cuda::is_available() ? "true" : "false"},
        {"torch.device", to_string(device)},
    };
#if PERFMATRIX_TORCH_CUDA_RUNTIME
    // Only a GPU libtorch can use is asked about: elsewhere the runtime has nothing to say
    // (no driver, no device) and device_problem() already says why.
    if (device == Device::cuda && !device_problem(device)) {
        const auto& context = at::globalContext();
        env.emplace_back("torch.allow_tf32_cublas", context.allowTF32CuBLAS() ? "true" : "false");
        env.emplace_back("torch.allow_tf32_cudnn", context.allowTF32CuDNN() ? "true" : "false");
        for (auto& kv : cuda_device_environment()) env.push_back(std::move(kv));
    }
#endif
    return env;
}

}  // namespace perfmatrix::torch_bench
