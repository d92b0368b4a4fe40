#include "measure/torch/torch_workload.hpp"

#include "measure/torch/torch_kernels.hpp"

#include <ATen/Context.h>

namespace perfmatrix::torch_bench {
namespace {

struct Maker {
    const TorchParams& p;
    const WorkloadContext& ctx;

    auto operator()(const MatmulShape& s) const { return make_matmul_workload(s, p, ctx); }
    auto operator()(const Conv2dShape& s) const { return make_conv2d_workload(s, p, ctx); }
    auto operator()(const ElementwiseShape& s) const { return make_elementwise_workload(s, p); }
    auto operator()(const ReductionShape& s) const { return make_reduction_workload(s, p, ctx); }
    auto operator()(const MlpShape& s) const { return make_mlp_workload(s, p, ctx); }
    auto operator()(const TrainShape& s) const { return make_train_step_workload(s, p); }
};

}  // namespace

std::unique_ptr<TorchWorkload> make_torch_workload(const TorchParams& p, const WorkloadContext& ctx) {
    // Every case starts from the same generator state: its inputs and weights depend on its
    // seed only, not on what ran before in this process.
    at::manual_seed(p.seed);
    return std::visit(Maker{p, ctx}, p.shape);
}

}  // namespace perfmatrix::torch_bench
