#pragma once
// RAII owners of the CUDA handles one gemm case needs. Each is move-only and releases its
// handle in its destructor; destructors never throw (a failed release at exit is reported by
// nothing and harms nothing, the process ends with the case).

#include <cublas_v2.h>
#include <cuda_runtime_api.h>

#include <cstddef>
#include <string>

namespace perfmatrix::cuda {

class DeviceBuffer {
public:
    // `what` names the buffer in an allocation error, e.g. "A".
    DeviceBuffer(std::size_t bytes, const std::string& what);
    ~DeviceBuffer();
    DeviceBuffer(DeviceBuffer&& other) noexcept;
    DeviceBuffer& operator=(DeviceBuffer&&) = delete;
    DeviceBuffer(const DeviceBuffer&) = delete;
    DeviceBuffer& operator=(const DeviceBuffer&) = delete;

    void* data() const { return data_; }
    std::size_t bytes() const { return bytes_; }

private:
    void* data_ = nullptr;
    std::size_t bytes_ = 0;
};

class Stream {
public:
    Stream();
    ~Stream();
    Stream(const Stream&) = delete;
    Stream& operator=(const Stream&) = delete;
    cudaStream_t get() const { return stream_; }

private:
    cudaStream_t stream_ = nullptr;
};

// A timing event (cudaEventDefault: records timestamps, unlike cudaEventDisableTiming).
class Event {
public:
    Event();
    ~Event();
    Event(const Event&) = delete;
    Event& operator=(const Event&) = delete;
    cudaEvent_t get() const { return event_; }

private:
    cudaEvent_t event_ = nullptr;
};

// A cuBLAS handle bound to `stream`, in the default math mode (no TF32 shortcuts for float32).
class BlasHandle {
public:
    explicit BlasHandle(const Stream& stream);
    ~BlasHandle();
    BlasHandle(const BlasHandle&) = delete;
    BlasHandle& operator=(const BlasHandle&) = delete;
    cublasHandle_t get() const { return handle_; }

private:
    cublasHandle_t handle_ = nullptr;
};

}  // namespace perfmatrix::cuda
