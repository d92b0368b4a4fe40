#pragma once
// How much work one call of a torch kind does: the flops behind `gflops` and the bytes behind
// `bandwidth`, and the memory its tensors take (refused at load when absurd). Pure arithmetic,
// no torch headers, so the formulas are tested without libtorch.

#include "measure/torch/torch_params.hpp"

namespace perfmatrix::torch_bench {

struct Work {
    double flops = 0;  // per call; 0: the kind reports no gflops
    double bytes = 0;  // compulsory traffic per call; 0: the kind reports no bandwidth
};

Work work_per_call(const TorchParams& p);

// Bytes of the tensors a case allocates (inputs, weights, outputs; for the train step also
// gradients and optimizer state), as an estimate for refusing impossible cases early.
double tensor_bytes(const TorchParams& p);

// 2 * sum over layers of batch * in * out: the matmul flops of one forward pass.
double mlp_forward_flops(const MlpShape& s);

}  // namespace perfmatrix::torch_bench
