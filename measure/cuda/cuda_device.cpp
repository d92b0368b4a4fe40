#include "measure/cuda/cuda_device.hpp"

#include "measure/cuda/cuda_errors.hpp"

#include <cublas_v2.h>
#include <cuda_runtime_api.h>
#include <fmt/format.h>

#include <array>
#include <cstdlib>

namespace perfmatrix::cuda {
namespace {

std::string visible_devices_note() {
    const char* visible = std::getenv("CUDA_VISIBLE_DEVICES");
    return visible ? fmt::format(" (CUDA_VISIBLE_DEVICES={})", visible) : std::string();
}

std::string cublas_version() {
    int major = 0, minor = 0, patch = 0;
    if (cublasGetProperty(MAJOR_VERSION, &major) != CUBLAS_STATUS_SUCCESS ||
        cublasGetProperty(MINOR_VERSION, &minor) != CUBLAS_STATUS_SUCCESS ||
        cublasGetProperty(PATCH_LEVEL, &patch) != CUBLAS_STATUS_SUCCESS)
        return "unknown";
    return fmt::format("{}.{}.{}", major, minor, patch);
}

int device_attribute(cudaDeviceAttr attribute, int device, const char* name) {
    int value = 0;
    check(cudaDeviceGetAttribute(&value, attribute, device), fmt::format("cudaDeviceGetAttribute({})", name));
    return value;
}

std::string uuid_text(const cudaUUID_t& uuid) {
    // The form nvidia-smi and NVML print, so a case can be matched with the rank's inventory.
    std::string hex;
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) hex += '-';
        hex += fmt::format("{:02x}", static_cast<unsigned char>(uuid.bytes[i]));
    }
    return "GPU-" + hex;
}

}  // namespace

std::string cuda_version_text(int version) { return fmt::format("{}.{}", version / 1000, (version % 1000) / 10); }

void select_device(int device) {
    int count = 0;
    if (const cudaError_t e = cudaGetDeviceCount(&count); e != cudaSuccess) {
        throw CudaError(
            fmt::format("no CUDA device visible (cudaGetDeviceCount: {}){}", describe(e), visible_devices_note()));
    }
    if (count == 0) {
        throw CudaError(
            fmt::format("no CUDA device visible (cudaGetDeviceCount: 0 devices){}", visible_devices_note()));
    }
    if (device >= count) {
        throw CudaError(fmt::format("device {} does not exist: {} CUDA device{} visible{}", device, count,
                                    count == 1 ? "" : "s", visible_devices_note()));
    }
    check(cudaSetDevice(device), fmt::format("cudaSetDevice({})", device));
}

Environment cuda_library_environment() {
    int runtime = 0, driver = 0;
    Environment env;
    env.emplace_back("cuda.runtime_version",
                     cudaRuntimeGetVersion(&runtime) == cudaSuccess ? cuda_version_text(runtime) : "unknown");
    // The newest CUDA version the installed driver supports; 0 when there is no driver.
    env.emplace_back("cuda.driver_version",
                     cudaDriverGetVersion(&driver) == cudaSuccess && driver > 0 ? cuda_version_text(driver) : "none");
    env.emplace_back("cublas.version", cublas_version());
    return env;
}

Environment gpu_device_environment(int device) {
    cudaDeviceProp prop{};
    check(cudaGetDeviceProperties(&prop, device), fmt::format("cudaGetDeviceProperties({})", device));
    std::array<char, 32> bus{};
    check(cudaDeviceGetPCIBusId(bus.data(), static_cast<int>(bus.size()), device), "cudaDeviceGetPCIBusId");
    // cudaDeviceProp lost its clock fields in CUDA 13; the attribute is the peak (boost) clock.
    const int clock_khz = device_attribute(cudaDevAttrClockRate, device, "ClockRate");
    const int memory_clock_khz = device_attribute(cudaDevAttrMemoryClockRate, device, "MemoryClockRate");
    return {
        {"cuda.device", std::to_string(device)},
        {"gpu.name", prop.name},
        {"gpu.uuid", uuid_text(prop.uuid)},
        {"gpu.pci_bus_id", bus.data()},
        {"gpu.memory", fmt::format("{} bytes", prop.totalGlobalMem)},
        {"gpu.compute_capability", fmt::format("{}.{}", prop.major, prop.minor)},
        {"gpu.multiprocessors", std::to_string(prop.multiProcessorCount)},
        {"gpu.clock", fmt::format("{} MHz", clock_khz / 1000)},
        {"gpu.memory_clock", fmt::format("{} MHz", memory_clock_khz / 1000)},
    };
}

}  // namespace perfmatrix::cuda
