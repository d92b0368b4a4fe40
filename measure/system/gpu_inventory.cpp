#include "measure/system/gpu_inventory.hpp"

#include <dlfcn.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <memory>
#include <optional>
#include <string_view>

namespace perfmatrix {
namespace {

// The few NVML declarations used, as nvml.h (not installed here, and not needed to build)
// declares them. The _v2 entry points exist since driver 325 (2013).
using nvmlReturn_t = int;
constexpr nvmlReturn_t kNvmlSuccess = 0;
struct nvmlDevice_st;
using nvmlDevice_t = nvmlDevice_st*;
struct nvmlMemory_t {
    unsigned long long total, free, used;
};
// NVML_DEVICE_NAME_V2_BUFFER_SIZE (96) covers the name, UUID (80) and driver version (80) buffers.
constexpr unsigned int kNvmlText = 96;

struct NvmlApi {
    nvmlReturn_t (*init)();
    nvmlReturn_t (*shutdown)();
    nvmlReturn_t (*count)(unsigned int*);
    nvmlReturn_t (*handle_by_index)(unsigned int, nvmlDevice_t*);
    nvmlReturn_t (*name)(nvmlDevice_t, char*, unsigned int);
    nvmlReturn_t (*uuid)(nvmlDevice_t, char*, unsigned int);
    nvmlReturn_t (*memory)(nvmlDevice_t, nvmlMemory_t*);
    nvmlReturn_t (*driver_version)(char*, unsigned int);
    const char* (*error_string)(nvmlReturn_t);

    std::string error(const char* call, nvmlReturn_t r) const {
        return fmt::format("{} failed: {} ({})", call, error_string ? error_string(r) : "unknown error", r);
    }
};

struct DlClose {
    void operator()(void* handle) const { dlclose(handle); }
};
using LibraryHandle = std::unique_ptr<void, DlClose>;

template <typename F>
void bind(void* handle, const char* symbol, F& out, std::string& missing) {
    out = reinterpret_cast<F>(dlsym(handle, symbol));
    if (!out && missing.empty()) missing = symbol;
}

std::optional<NvmlApi> bind_api(void* handle, std::string& problem) {
    NvmlApi api{};
    std::string missing;
    bind(handle, "nvmlInit_v2", api.init, missing);
    bind(handle, "nvmlShutdown", api.shutdown, missing);
    bind(handle, "nvmlDeviceGetCount_v2", api.count, missing);
    bind(handle, "nvmlDeviceGetHandleByIndex_v2", api.handle_by_index, missing);
    bind(handle, "nvmlDeviceGetName", api.name, missing);
    bind(handle, "nvmlDeviceGetUUID", api.uuid, missing);
    bind(handle, "nvmlDeviceGetMemoryInfo", api.memory, missing);
    bind(handle, "nvmlSystemGetDriverVersion", api.driver_version, missing);
    bind(handle, "nvmlErrorString", api.error_string, missing);
    if (missing.empty()) return api;
    problem = fmt::format("NVML lacks {}", missing);
    return std::nullopt;
}

// nvmlInit_v2 ... nvmlShutdown, so NVML's state never outlives the inventory.
class NvmlSession {
public:
    explicit NvmlSession(const NvmlApi& api) : api_(api), status_(api.init()) {}
    ~NvmlSession() {
        if (status_ == kNvmlSuccess) api_.shutdown();
    }
    NvmlSession(const NvmlSession&) = delete;
    NvmlSession& operator=(const NvmlSession&) = delete;
    nvmlReturn_t status() const { return status_; }

private:
    const NvmlApi& api_;
    nvmlReturn_t status_;
};

// GPU `i` as NVML describes it, or why it could not.
std::optional<std::string> describe_device(const NvmlApi& api, unsigned int i, GpuInfo& out) {
    nvmlDevice_t device = nullptr;
    if (const auto r = api.handle_by_index(i, &device); r != kNvmlSuccess)
        return api.error("nvmlDeviceGetHandleByIndex_v2", r);
    std::array<char, kNvmlText> text{};
    if (const auto r = api.name(device, text.data(), kNvmlText); r != kNvmlSuccess)
        return api.error("nvmlDeviceGetName", r);
    out.name = text.data();
    text.fill('\0');
    if (const auto r = api.uuid(device, text.data(), kNvmlText); r != kNvmlSuccess)
        return api.error("nvmlDeviceGetUUID", r);
    out.uuid = text.data();
    nvmlMemory_t memory{};
    if (const auto r = api.memory(device, &memory); r != kNvmlSuccess) return api.error("nvmlDeviceGetMemoryInfo", r);
    out.memory_bytes = memory.total;
    out.index = out.nvml_index = static_cast<int>(i);
    return std::nullopt;
}

// Every GPU NVML sees; a device it cannot describe is skipped, with the problem said.
std::vector<GpuInfo> list_devices(const NvmlApi& api, std::string& problem, bool& listed) {
    unsigned int count = 0;
    if (const auto r = api.count(&count); r != kNvmlSuccess) {
        problem = api.error("nvmlDeviceGetCount_v2", r);
        return {};
    }
    listed = true;
    std::vector<GpuInfo> devices;
    for (unsigned int i = 0; i < count; ++i) {
        GpuInfo g;
        if (auto why = describe_device(api, i, g)) {
            // e.g. a GPU this container's cgroup denies: the others are still worth listing.
            if (problem.empty()) problem = fmt::format("GPU {}: {}", i, *why);
            continue;
        }
        devices.push_back(std::move(g));
    }
    return devices;
}

std::string_view trim(std::string_view s) {
    const auto first = s.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The device an entry of CUDA_VISIBLE_DEVICES names: an NVML index, or a UUID or a unique
// prefix of one (CUDA accepts both); nullptr when it names none.
const GpuInfo* named_device(std::string_view entry, const std::vector<GpuInfo>& all) {
    if (all_digits(entry)) {
        if (entry.size() > 6) return nullptr;
        const int index = std::stoi(std::string(entry));
        const auto it = std::find_if(all.begin(), all.end(), [&](const GpuInfo& g) { return g.nvml_index == index; });
        return it == all.end() ? nullptr : &*it;
    }
    if (!entry.starts_with("GPU-")) return nullptr;  // MIG-… instances: NVML's device list has none
    const GpuInfo* found = nullptr;
    for (const auto& g : all) {
        if (!g.uuid.starts_with(entry)) continue;
        if (found) return nullptr;  // ambiguous prefix
        found = &g;
    }
    return found;
}

// The GPUs CUDA would see, in its order. As CUDA does, the list ends at the first entry that
// names no device: "0,1,-1,2" is GPUs 0 and 1; a repeated GPU ends it too. Numbering assumes CUDA
// enumerates in PCI bus order like NVML (CUDA_DEVICE_ORDER=PCI_BUS_ID; its default,
// FASTEST_FIRST, differs only on nodes that mix GPU models).
std::vector<GpuInfo> keep_visible(const std::vector<GpuInfo>& all, std::string_view list, std::string& problem) {
    std::vector<GpuInfo> visible;
    for (;;) {
        const auto comma = list.find(',');
        const std::string_view entry = trim(list.substr(0, comma));
        const GpuInfo* g = named_device(entry, all);
        const bool repeated = g && std::any_of(visible.begin(), visible.end(),
                                               [&](const GpuInfo& v) { return v.nvml_index == g->nvml_index; });
        if (repeated) {
            if (problem.empty()) problem = fmt::format("CUDA_VISIBLE_DEVICES entry '{}' repeats a GPU", entry);
            break;
        }
        if (!g) {
            // "-1" and "NoDevFiles" (SLURM) mean "no GPU" on purpose: nothing wrong there.
            if (!entry.empty() && entry != "-1" && entry != "NoDevFiles" && problem.empty())
                problem = fmt::format("CUDA_VISIBLE_DEVICES entry '{}' names no GPU that NVML lists", entry);
            break;
        }
        visible.push_back(*g);
        visible.back().index = static_cast<int>(visible.size()) - 1;
        if (comma == std::string_view::npos) break;
        list.remove_prefix(comma + 1);
    }
    return visible;
}

}  // namespace

GpuInventory read_gpu_inventory(const std::string& nvml_library, const char* cuda_visible_devices) {
    GpuInventory inventory;
    // RTLD_LOCAL: NVML's symbols must not satisfy anything loaded later (a CUDA module).
    const LibraryHandle library(dlopen(nvml_library.c_str(), RTLD_NOW | RTLD_LOCAL));
    if (!library) return inventory;  // no driver on this machine: an empty inventory says it all
    inventory.nvml_loaded = true;
    const auto api = bind_api(library.get(), inventory.problem);
    if (!api) return inventory;
    const NvmlSession session(*api);
    if (session.status() != kNvmlSuccess) {
        inventory.problem = api->error("nvmlInit_v2", session.status());
        return inventory;
    }
    std::array<char, kNvmlText> driver{};
    if (const auto r = api->driver_version(driver.data(), kNvmlText); r == kNvmlSuccess)
        inventory.driver_version = driver.data();
    else
        inventory.problem = api->error("nvmlSystemGetDriverVersion", r);
    auto all = list_devices(*api, inventory.problem, inventory.listed);
    inventory.devices = cuda_visible_devices ? keep_visible(all, cuda_visible_devices, inventory.problem)
                                             : std::move(all);
    return inventory;
}

std::vector<std::pair<std::string, std::string>> gpu_environment(const GpuInventory& inventory) {
    std::vector<std::pair<std::string, std::string>> env;
    if (!inventory.nvml_loaded) return env;
    if (!inventory.driver_version.empty()) env.emplace_back("gpu.driver", inventory.driver_version);
    for (const auto& g : inventory.devices) {
        env.emplace_back(fmt::format("gpu.{}.name", g.index), g.name);
        env.emplace_back(fmt::format("gpu.{}.uuid", g.index), g.uuid);
        env.emplace_back(fmt::format("gpu.{}.memory_bytes", g.index), std::to_string(g.memory_bytes));
    }
    if (!inventory.problem.empty()) env.emplace_back("gpu.nvml", inventory.problem);
    return env;
}

}  // namespace perfmatrix
