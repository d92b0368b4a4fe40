#pragma once
// One torch kind's work inside the runner module: tensors set up once, a call repeated in timed
// batches, and a check of the last call's output. No torch headers in this interface, so the
// batch loop and the tests include it cheaply; each kind's source holds its tensors.

#include "measure/torch/torch_params.hpp"

#include <memory>
#include <optional>
#include <string>

namespace perfmatrix::torch_bench {

class TorchWorkload {
public:
    virtual ~TorchWorkload() = default;

    // Checks that must pass before any time counts and that a single call cannot show (the
    // train step: the loss falls over a few steps). A message means wrong_result.
    virtual std::optional<std::string> check_before_timing() { return std::nullopt; }
    // Untimed, right before each timed batch (the train step snapshots its weights here).
    virtual void before_batch() {}
    // One operation. On a GPU it may return before the work is done; the timer waits for it.
    virtual void call() = 0;
    // Checks the last call's output against an independent reference in double; the message
    // says what differed. Called after the batch's time is taken (and the device synchronised).
    virtual std::optional<std::string> verify_last() = 0;
    // Tests only: damages the last call's output grossly, so verify_last must fail.
    virtual void corrupt_last_output() = 0;
};

// Where the tensors live and what the device's libraries may do to float precision there.
struct WorkloadContext {
    bool tf32_matmul = false;        // cuBLAS may round float32 inputs to TF32
    bool tf32_conv = false;          // cuDNN may
    bool reduced_reduction = false;  // cuBLAS may reduce bfloat16 split sums in bfloat16
};

// Allocates and fills the case's tensors (seeded by p.seed) on p.device.
std::unique_ptr<TorchWorkload> make_torch_workload(const TorchParams& p, const WorkloadContext& ctx);

}  // namespace perfmatrix::torch_bench
