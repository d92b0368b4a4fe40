#include "measure/cuda/cuda_resources.hpp"

#include "measure/cuda/cuda_errors.hpp"

#include <fmt/format.h>

#include <utility>

namespace perfmatrix::cuda {

DeviceBuffer::DeviceBuffer(std::size_t bytes, const std::string& what) : bytes_(bytes) {
    check(cudaMalloc(&data_, bytes), fmt::format("cudaMalloc of {} ({} bytes)", what, bytes));
}

DeviceBuffer::~DeviceBuffer() {
    if (data_) cudaFree(data_);
}

DeviceBuffer::DeviceBuffer(DeviceBuffer&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), bytes_(std::exchange(other.bytes_, 0)) {}

Stream::Stream() {
    // Non-blocking: the legacy default stream must not serialise with this one.
    check(cudaStreamCreateWithFlags(&stream_, cudaStreamNonBlocking), "cudaStreamCreateWithFlags");
}

Stream::~Stream() {
    if (stream_) cudaStreamDestroy(stream_);
}

Event::Event() { check(cudaEventCreateWithFlags(&event_, cudaEventDefault), "cudaEventCreateWithFlags"); }

Event::~Event() {
    if (event_) cudaEventDestroy(event_);
}

BlasHandle::BlasHandle(const Stream& stream) {
    check(cublasCreate(&handle_), "cublasCreate");
    try {
        check(cublasSetStream(handle_, stream.get()), "cublasSetStream");
        // Said explicitly: the default excludes TF32 for float32, so the result is what the
        // float32 verification bound assumes (a future default could differ).
        check(cublasSetMathMode(handle_, CUBLAS_DEFAULT_MATH), "cublasSetMathMode");
    } catch (...) {
        cublasDestroy(handle_);
        throw;
    }
}

BlasHandle::~BlasHandle() {
    if (handle_) cublasDestroy(handle_);
}

}  // namespace perfmatrix::cuda
