#pragma once
// One gemm's operands on the GPU and its check on the host. A and B are filled on the host
// (blas_verify.hpp's exact test values), copied to the device once, and the host copies
// build the reference check before they are dropped; C is copied back to be verified.

#include "measure/blas/blas_verify.hpp"
#include "measure/cuda/cublas_params.hpp"
#include "measure/cuda/cuda_resources.hpp"

#include <optional>
#include <string>
#include <vector>

namespace perfmatrix::cuda {

template <typename T>
struct HostOperands;

// T: float (cublasSgemm) or double (cublasDgemm).
template <typename T>
class DeviceGemm {
public:
    explicit DeviceGemm(const CublasGemmParams& p);

    // Enqueues one C = A B on the handle's stream.
    void call(const BlasHandle& handle);
    // Fills C with NaN bytes on `stream`, so a batch that wrote nothing cannot pass as one
    // that wrote the right answer.
    void poison_output(const Stream& stream);
    // Copies C back (after everything queued on `stream`) and checks it: why it is wrong, or nothing.
    std::optional<std::string> verify(const Stream& stream);

    void* output() const { return c_.data(); }
    std::size_t output_bytes() const { return c_.bytes(); }
    double flops() const;
    // "naive" (every entry against a double-precision triple loop) or "residual" (C x vs A (B x)).
    const char* check_method() const { return check_.naive() ? "naive" : "residual"; }

private:
    DeviceGemm(const CublasGemmParams& p, const HostOperands<T>& host);

    int m_, n_, k_;
    DeviceBuffer a_, b_, c_;
    blas::GemmCheck<T> check_;
    std::vector<T> host_c_;
};

}  // namespace perfmatrix::cuda
