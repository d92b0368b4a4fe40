#pragma once
// The runner of the blas kinds: loads OpenBLAS, sets and checks its thread count, calibrates
// a batch of calls, then times batches and verifies each batch's output before its time counts.

#include "measure/blas/blas_params.hpp"
#include "measure/model/runner.hpp"

#include <functional>
#include <memory>

namespace perfmatrix::blas {

class BlasWorkload;

// Called after each timed batch, right before its output is verified. Only tests pass one (to
// corrupt the output and see the case fail with wrong_result); job files cannot.
using BlasBeforeVerify = std::function<void(BlasWorkload&)>;

std::unique_ptr<Runner> make_blas_runner(BlasOp op, BlasBeforeVerify before_verify = {});

}  // namespace perfmatrix::blas
