// The torch kinds. Their declarations are here in every build; their runners live in the
// perfmatrix-torch runner module, which alone holds libtorch: ranks and other cases never load it.
#include "measure/kind_registry.hpp"
#include "measure/plugin_runner.hpp"
#include "measure/torch/torch_params.hpp"

namespace perfmatrix {

void register_torch_kinds(KindRegistry& registry) {
    for (auto op : torch_bench::kAllOps) {
        Kind k = torch_bench::torch_kind(op);
        k.category = category::compute;
        // gflops where the op's work counts FLOPs, bandwidth where it counts bytes moved.
        k.metrics = {{"gflops", "GFLOP/s", Better::higher, 1}, {"bandwidth", "GB/s", Better::higher, 2}};
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
