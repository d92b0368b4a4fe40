// The CUDA runner module (libperfmatrix-cuda.so): the kinds whose code needs the CUDA runtime
// and cuBLAS. perfmatrix-measure loads it only when such a case runs (plugin_module.hpp).
#include "measure/cuda/cublas_gemm_runner.hpp"
#include "measure/plugin_module.hpp"

#include <memory>
#include <string_view>

namespace {

std::unique_ptr<perfmatrix::Runner> make_cuda_module_runner(std::string_view kind) {
    if (kind == "cublas_gemm") return std::make_unique<perfmatrix::cuda::CublasGemmRunner>();
    return nullptr;
}

}  // namespace

PERFMATRIX_RUNNER_MODULE(make_cuda_module_runner)
