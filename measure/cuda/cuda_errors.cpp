#include "measure/cuda/cuda_errors.hpp"

#include <fmt/format.h>

namespace perfmatrix::cuda {

std::string describe(cudaError_t e) { return fmt::format("{}: {}", cudaGetErrorName(e), cudaGetErrorString(e)); }

std::string describe(cublasStatus_t s) {
    return fmt::format("{}: {}", cublasGetStatusName(s), cublasGetStatusString(s));
}

void check(cudaError_t e, const std::string& what) {
    if (e != cudaSuccess) throw CudaError(fmt::format("{}: {}", what, describe(e)));
}

void check(cublasStatus_t s, const std::string& what) {
    if (s != CUBLAS_STATUS_SUCCESS) throw CudaError(fmt::format("{}: {}", what, describe(s)));
}

}  // namespace perfmatrix::cuda
