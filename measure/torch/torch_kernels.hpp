#pragma once
// The workload of each torch kind, one source file each (torch_<kind>.cpp); make_torch_workload
// (torch_workload.hpp) picks among them.

#include "measure/torch/torch_workload.hpp"

#include <memory>

namespace perfmatrix::torch_bench {

std::unique_ptr<TorchWorkload> make_matmul_workload(const MatmulShape& s, const TorchParams& p,
                                                    const WorkloadContext& ctx);
std::unique_ptr<TorchWorkload> make_conv2d_workload(const Conv2dShape& s, const TorchParams& p,
                                                    const WorkloadContext& ctx);
std::unique_ptr<TorchWorkload> make_elementwise_workload(const ElementwiseShape& s, const TorchParams& p);
std::unique_ptr<TorchWorkload> make_reduction_workload(const ReductionShape& s, const TorchParams& p,
                                                       const WorkloadContext& ctx);
std::unique_ptr<TorchWorkload> make_mlp_workload(const MlpShape& s, const TorchParams& p, const WorkloadContext& ctx);
std::unique_ptr<TorchWorkload> make_train_step_workload(const TrainShape& s, const TorchParams& p);

}  // namespace perfmatrix::torch_bench
