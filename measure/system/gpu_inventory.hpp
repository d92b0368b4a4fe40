#pragma once
// The NVIDIA GPUs a rank can use, described by NVML (libnvidia-ml.so.1, which comes with the
// driver). NVML is loaded with dlopen and asked only for names, memory and the driver: no CUDA
// context is created in the ranks (that costs hundreds of MiB per process and seconds), and
// perfmatrix neither links nor needs the CUDA toolkit for this.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace perfmatrix {

struct GpuInfo {
    int index = 0;       // the CUDA device ordinal a case names (after CUDA_VISIBLE_DEVICES)
    int nvml_index = 0;  // NVML's index: every GPU of the node, in PCI bus order
    std::string name;    // e.g. "NVIDIA H100 80GB HBM3"
    std::string uuid;    // e.g. "GPU-5b3e...": the form CUDA_VISIBLE_DEVICES accepts
    std::uint64_t memory_bytes = 0;
};

struct GpuInventory {
    bool nvml_loaded = false;    // false: no NVIDIA driver here (no libnvidia-ml), nothing to say
    bool listed = false;         // NVML answered how many GPUs there are: `devices` is the truth
    std::string problem;         // why the inventory is empty or partial; empty when all went well
    std::string driver_version;  // e.g. "550.54.15"
    std::vector<GpuInfo> devices;
};

inline constexpr const char* kNvmlLibrary = "libnvidia-ml.so.1";

// Asks NVML (`nvml_library`: a name for dlopen or a path; tests pass a fake) for the GPUs.
// `cuda_visible_devices` is the variable's value, or nullptr when unset: when set, only the
// GPUs it names are kept, in its order, as CUDA would number them. Never throws.
GpuInventory read_gpu_inventory(const std::string& nvml_library, const char* cuda_visible_devices);

// Rank environment strings: gpu.driver, gpu.<i>.name, gpu.<i>.uuid, gpu.<i>.memory_bytes,
// and gpu.nvml with the problem when NVML was there but failed.
std::vector<std::pair<std::string, std::string>> gpu_environment(const GpuInventory& inventory);

}  // namespace perfmatrix
