// The torch kinds. Their declarations are here in every build; their runners live in the
// perfmatrix-torch runner module, which alone holds libtorch: ranks and other cases never load it.
#include "measure/kind_registry.hpp"
#include "measure/plugin_runner.hpp"
#include "measure/torch/torch_params.hpp"

namespace perfmatrix {
namespace {

// The ops whose work torch_work.cpp counts in FLOPs (the others in bytes moved).
bool counts_flops(torch_bench::TorchOp op) {
    using torch_bench::TorchOp;
    return op == TorchOp::matmul || op == TorchOp::conv2d || op == TorchOp::mlp || op == TorchOp::train_step;
}

}  // namespace

void register_torch_kinds(KindRegistry& registry) {
    for (auto op : torch_bench::kAllOps) {
        Kind k = torch_bench::torch_kind(op);
        k.category = category::compute;
        // gflops where the op's work counts FLOPs, bandwidth where it counts bytes moved.
        k.metrics = {{"gflops", "GFLOP/s", Better::higher, 1}, {"bandwidth", "GB/s", Better::higher, 2}};
        // Against the measured FMA peak, as blas_gemm (measure/blas/peak_flops.hpp), where the op
        // counts FLOPs; on the CPU in float32 and float64 only.
        if (counts_flops(op)) {
            k.metrics.push_back({"efficiency", "ratio", Better::higher, 3});
            k.metrics.push_back({"peak_gflops", "GFLOP/s", Better::higher, 0});
        }
        for (MetricSpec& m : batch_timing_metrics()) k.metrics.push_back(std::move(m));
        k.make_runner =
            plugin_runner_factory("perfmatrix-torch", k.name,
                                  "perfmatrix was built without libtorch (install libtorch-dev, or configure "
                                  "with -DPERFMATRIX_TORCH=ON to make its absence an error), or, installed from "
                                  "the .deb, the perfmatrix-torch package is not installed");
        registry.add(std::move(k));
    }
}

}  // namespace perfmatrix
