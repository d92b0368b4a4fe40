#pragma once
// The runner of kind `cublas_gemm` (inside the CUDA module): picks the device, calibrates a
// batch of cuBLAS gemm calls timed with CUDA events, then times batches and verifies each
// batch's output on the host before its time counts.

#include "measure/model/runner.hpp"

#include <cstddef>
#include <functional>

namespace perfmatrix::cuda {

class CublasGemmRunner final : public Runner {
public:
    // Called after each timed batch with C on the device, right before C is copied back and
    // verified. Only tests pass one (to corrupt C and see the case fail with wrong_result);
    // job files cannot. The runner synchronises the device after it.
    using BeforeVerify = std::function<void(void* device_c, std::size_t bytes)>;

    explicit CublasGemmRunner(BeforeVerify before_verify = {});
    CaseOutcome run(const Case& c, const RunContext& ctx) override;

private:
    BeforeVerify before_verify_;
};

}  // namespace perfmatrix::cuda
