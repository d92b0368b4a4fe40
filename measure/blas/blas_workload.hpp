#pragma once
// One blas kernel ready to call: operands allocated and filled (with copies to rotate
// through when they fit in cache), and the check of its output built. The runner only
// calls, times and verifies; everything that costs set-up happens in the constructor.

#include "measure/blas/blas_params.hpp"

#include <cstddef>
#include <memory>
#include <optional>
#include <string>

namespace perfmatrix::blas {

class OpenBlasLibrary;

struct WorkloadShape {
    double flops = 0;        // per call, standard count (gemm 2mnk, gemv 2mn, dot 2n, axpy 2n)
    double bytes = 0;        // per call, compulsory memory traffic; 0 for compute-bound gemm
    std::size_t copies = 1;  // operand copies rotated through
};

class BlasWorkload {
public:
    virtual ~BlasWorkload() = default;
    // One operation, on operand copy `call % copies`.
    virtual void call(std::size_t call) = 0;
    // Why the most recent call's output is wrong, or nothing.
    virtual std::optional<std::string> verify_last() const = 0;
    // Adds `delta` to the first element of the most recent call's output. A seam for tests
    // that must see a wrong result caught; the runner calls it only through a test hook.
    virtual void perturb_last_output(double delta) = 0;
    virtual WorkloadShape shape() const = 0;
};

// `cache_bytes`: the last-level cache size that decides the copies (see operand_copies.hpp).
std::unique_ptr<BlasWorkload> make_blas_workload(const BlasParams& p, const OpenBlasLibrary& blas,
                                                 std::size_t cache_bytes);

}  // namespace perfmatrix::blas
