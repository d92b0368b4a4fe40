#include "workers/torch/torch_kinds.hpp"

#include "workers/plugin_runner.hpp"
#include "workers/torch/torch_params.hpp"

namespace perfmatrix {

std::vector<KindSpec> torch_kind_specs() {
    std::vector<KindSpec> specs;
    for (auto op : torch_bench::kAllOps) specs.push_back(torch_bench::torch_kind_spec(op));
    return specs;
}

std::unique_ptr<Runner> make_torch_runner(std::string_view kind) {
    for (auto op : torch_bench::kAllOps) {
        // The module, not this library, holds libtorch: ranks and other cases never load it.
        if (kind == torch_bench::torch_kind_name(op)) {
            return std::make_unique<PluginRunner>(
                "perfmatrix-torch", std::string(kind),
                "perfmatrix was built without libtorch (install libtorch-dev, or configure with "
                "-DPERFMATRIX_TORCH=ON to make its absence an error)");
        }
    }
    return nullptr;
}

}  // namespace perfmatrix
