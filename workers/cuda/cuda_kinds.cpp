#include "workers/cuda/cuda_kinds.hpp"

#include "workers/cuda/cublas_params.hpp"
#include "workers/plugin_runner.hpp"

#include <string>

namespace perfmatrix {

std::vector<KindSpec> cuda_kind_specs() { return {cuda::cublas_gemm_kind_spec()}; }

std::unique_ptr<Runner> make_cuda_runner(std::string_view kind) {
    if (kind != "cublas_gemm") return nullptr;
    // The CUDA runtime and cuBLAS are loaded only with the module, when such a case runs:
    // ranks and other measurements never map them (plugin_module.hpp says why).
    return std::make_unique<PluginRunner>(
        "perfmatrix-cuda", std::string(kind),
        "perfmatrix was built without CUDA (reconfigure with -DPERFMATRIX_CUDA=ON where the CUDA toolkit and nvcc "
        "are installed)");
}

}  // namespace perfmatrix
