#include "measure/torch/torch_cuda.hpp"

#include <cuda_runtime_api.h>
#include <fmt/format.h>

#if PERFMATRIX_TORCH_HAS_CUDA
#include <c10/cuda/CUDAStream.h>
#endif

#include <stdexcept>

namespace perfmatrix::torch_bench {
namespace {

void check(cudaError_t status, const char* what) {
    if (status != cudaSuccess) throw std::runtime_error(fmt::format("{}: {}", what, cudaGetErrorString(status)));
}

cudaStream_t current_stream() {
#if PERFMATRIX_TORCH_HAS_CUDA
    return c10::cuda::getCurrentCUDAStream().stream();
#else
    return nullptr;  // the legacy default stream; a CPU-only libtorch never gets here
#endif
}

// One cudaEvent, destroyed with its owner.
class Event {
public:
    Event() { check(cudaEventCreate(&event_), "cudaEventCreate"); }
    ~Event() { cudaEventDestroy(event_); }
    Event(const Event&) = delete;
    Event& operator=(const Event&) = delete;
    cudaEvent_t get() const { return event_; }

private:
    cudaEvent_t event_ = nullptr;
};

class CudaEventTimer final : public BatchTimer {
public:
    void start() override {
        stream_ = current_stream();
        check(cudaStreamSynchronize(stream_), "cudaStreamSynchronize");
        check(cudaEventRecord(start_.get(), stream_), "cudaEventRecord");
    }

    double stop() override {
        check(cudaEventRecord(stop_.get(), stream_), "cudaEventRecord");
        check(cudaEventSynchronize(stop_.get()), "cudaEventSynchronize");
        float ms = 0;
        check(cudaEventElapsedTime(&ms, start_.get(), stop_.get()), "cudaEventElapsedTime");
        return static_cast<double>(ms) / 1e3;
    }

private:
    Event start_, stop_;
    cudaStream_t stream_ = nullptr;
};

std::string version_text(int v) { return fmt::format("{}.{}", v / 1000, v % 1000 / 10); }

}  // namespace

std::unique_ptr<BatchTimer> make_cuda_event_timer() { return std::make_unique<CudaEventTimer>(); }

std::vector<std::pair<std::string, std::string>> cuda_device_environment() {
    int device = 0, driver = 0, runtime = 0;
    cudaDeviceProp prop{};
    cudaDriverGetVersion(&driver);
    cudaRuntimeGetVersion(&runtime);
    try {
        check(cudaGetDevice(&device), "cudaGetDevice");
        check(cudaGetDeviceProperties(&prop, device), "cudaGetDeviceProperties");
    } catch (const std::runtime_error& e) {
        return {{"torch.cuda.error", e.what()},
                {"torch.cuda.driver", version_text(driver)},
                {"torch.cuda.runtime", version_text(runtime)}};
    }
    return {
        {"torch.cuda.device", fmt::format("{}: {}", device, prop.name)},
        {"torch.cuda.memory_bytes", std::to_string(prop.totalGlobalMem)},
        {"torch.cuda.compute_capability", fmt::format("{}.{}", prop.major, prop.minor)},
        {"torch.cuda.driver", version_text(driver)},
        {"torch.cuda.runtime", version_text(runtime)},
    };
}

}  // namespace perfmatrix::torch_bench
