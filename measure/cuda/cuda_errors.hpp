#pragma once
// CUDA runtime and cuBLAS status codes turned into exceptions that say what was being done:
// the runner reports them as status::error, never aborts.

#include <cublas_v2.h>
#include <cuda_runtime_api.h>

#include <stdexcept>
#include <string>

namespace perfmatrix::cuda {

struct CudaError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// "<what>: <error name>: <error text>", e.g. "cudaMalloc of C (8 MB): cudaErrorMemoryAllocation: out of memory".
std::string describe(cudaError_t e);
std::string describe(cublasStatus_t s);

// Throws CudaError unless the call succeeded.
void check(cudaError_t e, const std::string& what);
void check(cublasStatus_t s, const std::string& what);

}  // namespace perfmatrix::cuda
