#include "measure/cuda/device_gemm.hpp"

#include "measure/cuda/cuda_errors.hpp"

#include <cublas_v2.h>
#include <cuda_runtime_api.h>

#include <cstdint>

namespace perfmatrix::cuda {

// Row-major operands as blas_gemm fills them (its seeds: the same inputs on CPU and GPU).
template <typename T>
struct HostOperands {
    std::vector<T> a, b;
    explicit HostOperands(const CublasGemmParams& p)
        : a(static_cast<std::size_t>(p.m * p.k)), b(static_cast<std::size_t>(p.k * p.n)) {
        blas::fill_test_values(a.data(), a.size(), 1);
        blas::fill_test_values(b.data(), b.size(), 2);
    }
};

namespace {

template <typename T>
std::size_t elements_bytes(std::int64_t rows, std::int64_t cols) {
    return static_cast<std::size_t>(rows) * static_cast<std::size_t>(cols) * sizeof(T);
}

// cuBLAS is column-major. A row-major X (r x c) is the column-major X^T (c x r) with leading
// dimension c, so row-major C = A B is computed as column-major C^T (n x m) = B^T (n x k) A^T (k x m):
// gemm(N, N, n, m, k, B, ldb = n, A, lda = k, C, ldc = n). No transposes, no copies.
cublasStatus_t gemm(cublasHandle_t h, int m, int n, int k, const float* a, const float* b, float* c) {
    const float one = 1, zero = 0;
    return cublasSgemm(h, CUBLAS_OP_N, CUBLAS_OP_N, n, m, k, &one, b, n, a, k, &zero, c, n);
}

cublasStatus_t gemm(cublasHandle_t h, int m, int n, int k, const double* a, const double* b, double* c) {
    const double one = 1, zero = 0;
    return cublasDgemm(h, CUBLAS_OP_N, CUBLAS_OP_N, n, m, k, &one, b, n, a, k, &zero, c, n);
}

}  // namespace

template <typename T>
DeviceGemm<T>::DeviceGemm(const CublasGemmParams& p) : DeviceGemm(p, HostOperands<T>(p)) {}

template <typename T>
DeviceGemm<T>::DeviceGemm(const CublasGemmParams& p, const HostOperands<T>& host)
    : m_(static_cast<int>(p.m)),
      n_(static_cast<int>(p.n)),
      k_(static_cast<int>(p.k)),
      a_(elements_bytes<T>(p.m, p.k), "A"),
      b_(elements_bytes<T>(p.k, p.n), "B"),
      c_(elements_bytes<T>(p.m, p.n), "C"),
      check_(host.a.data(), host.b.data(), p.m, p.n, p.k),
      host_c_(static_cast<std::size_t>(p.m * p.n)) {
    check(cudaMemcpy(a_.data(), host.a.data(), a_.bytes(), cudaMemcpyHostToDevice), "copying A to the device");
    check(cudaMemcpy(b_.data(), host.b.data(), b_.bytes(), cudaMemcpyHostToDevice), "copying B to the device");
}

template <typename T>
void DeviceGemm<T>::call(const BlasHandle& handle) {
    check(gemm(handle.get(), m_, n_, k_, static_cast<const T*>(a_.data()), static_cast<const T*>(b_.data()),
               static_cast<T*>(c_.data())),
          sizeof(T) == 4 ? "cublasSgemm" : "cublasDgemm");
}

template <typename T>
void DeviceGemm<T>::poison_output(const Stream& stream) {
    // All bits set is a NaN in float and double alike.
    check(cudaMemsetAsync(c_.data(), 0xFF, c_.bytes(), stream.get()), "cudaMemsetAsync of C");
}

template <typename T>
std::optional<std::string> DeviceGemm<T>::verify(const Stream& stream) {
    check(cudaMemcpyAsync(host_c_.data(), c_.data(), c_.bytes(), cudaMemcpyDeviceToHost, stream.get()),
          "copying C back");
    check(cudaStreamSynchronize(stream.get()), "waiting for C to arrive");
    return check_(host_c_.data());
}

template <typename T>
double DeviceGemm<T>::flops() const {
    return 2.0 * static_cast<double>(m_) * static_cast<double>(n_) * static_cast<double>(k_);
}

template class DeviceGemm<float>;
template class DeviceGemm<double>;

}  // namespace perfmatrix::cuda
