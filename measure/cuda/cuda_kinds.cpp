// The CUDA kinds. Their declarations are here in every build, so job files that use them load
// and are checked anywhere; their runners live in the perfmatrix-cuda runner module.
#include "measure/cuda/cublas_params.hpp"
#include "measure/kind_registry.hpp"
#include "measure/plugin_runner.hpp"

namespace perfmatrix {

void register_cuda_kinds(KindRegistry& registry) {
    Kind k = cuda::cublas_gemm_kind();
    k.category = category::compute;
    k.metrics = {{"gflops", "GFLOP/s", Better::higher, 1}};
    for (MetricSpec& m : batch_timing_metrics()) k.metrics.push_back(std::move(m));
    // The CUDA runtime and cuBLAS are loaded only with the module, when such a case runs:
    // ranks and other measurements never map them (plugin_module.hpp says why).
    k.make_runner = plugin_runner_factory(
        "perfmatrix-cuda", k.name,
        "perfmatrix was built without CUDA (reconfigure with -DPERFMATRIX_CUDA=ON where the CUDA toolkit and nvcc "
        "are installed), or, installed from the .deb, the perfmatrix-cuda package is not installed");
    registry.add(std::move(k));
}

}  // namespace perfmatrix
