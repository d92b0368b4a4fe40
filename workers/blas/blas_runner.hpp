#pragma once
// The runner of the blas kinds: loads OpenBLAS, sets and checks its thread count, calibrates
// a batch of calls, then times batches and verifies each batch's output before its time counts.

#include "workers/blas/blas_params.hpp"
#include "workers/model/runner.hpp"

#include <functional>

namespace perfmatrix {

class BlasWorkload;

class BlasRunner final : public Runner {
public:
    // Called after each timed batch, right before its output is verified. Only tests pass
    // one (to corrupt the output and see the case fail with wrong_result); job files cannot.
    using BeforeVerify = std::function<void(BlasWorkload&)>;

    explicit BlasRunner(BlasOp op, BeforeVerify before_verify = {});
    CaseOutcome run(const Case& c, const RunContext& ctx) override;

private:
    CaseOutcome measure(const BlasParams& p, const CaseSettings& settings, const RunContext& ctx) const;

    BlasOp op_;
    BeforeVerify before_verify_;
};

}  // namespace perfmatrix
