// A stand-in for libnvidia-ml.so.1 with the few functions gpu_inventory.cpp calls, so the
// inventory's reading and CUDA_VISIBLE_DEVICES mapping run on machines without a GPU. Three
// GPUs; devices 1 and 2 share the UUID prefix "GPU-a" (an ambiguous abbreviation).
// Environment variables make it fail the way real drivers do:
//   FAKE_NVML_INIT_ERROR=<code>  nvmlInit_v2 returns it (9: NVML_ERROR_DRIVER_NOT_LOADED)
//   FAKE_NVML_DENY=<index>       that GPU's memory query returns NVML_ERROR_NO_PERMISSION (4)
// fake_nvml_sessions() counts nvmlInit_v2 calls not yet shut down.
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {

struct FakeGpu {
    const char* name;
    const char* uuid;
    unsigned long long memory;
};

constexpr FakeGpu kGpus[] = {
    {"Fake GPU A100-SXM4-40GB", "GPU-01234567-89ab-cdef-0123-456789abcdef", 40ULL << 30},
    {"Fake GPU H100 80GB HBM3", "GPU-a1111111-2222-3333-4444-555555555555", 80ULL << 30},
    {"Fake GPU H100 80GB HBM3", "GPU-a2222222-3333-4444-5555-666666666666", 80ULL << 30},
};
constexpr unsigned kCount = sizeof(kGpus) / sizeof(kGpus[0]);
constexpr int kSuccess = 0, kInvalidArgument = 2, kNoPermission = 4, kInsufficientSize = 7;

int sessions = 0;

int env_int(const char* name, int fallback) {
    const char* v = std::getenv(name);
    return v && *v ? std::atoi(v) : fallback;
}

int copy_text(const char* text, char* out, unsigned length) {
    if (std::strlen(text) + 1 > length) return kInsufficientSize;
    std::snprintf(out, length, "%s", text);
    return kSuccess;
}

const FakeGpu* gpu(void* device) { return static_cast<const FakeGpu*>(device); }

}  // namespace

extern "C" {

struct nvmlMemory_t {
    unsigned long long total, free, used;
};

__attribute__((visibility("default"))) int fake_nvml_sessions() { return sessions; }

__attribute__((visibility("default"))) int nvmlInit_v2() {
    if (const int e = env_int("FAKE_NVML_INIT_ERROR", 0)) return e;
    ++sessions;
    return kSuccess;
}

__attribute__((visibility("default"))) int nvmlShutdown() {
    --sessions;
    return kSuccess;
}

__attribute__((visibility("default"))) const char* nvmlErrorString(int e) {
    switch (e) {
        case 4: return "Insufficient Permissions";
        case 9: return "Driver Not Loaded";
        default: return "Unknown Error";
    }
}

__attribute__((visibility("default"))) int nvmlSystemGetDriverVersion(char* out, unsigned length) {
    return copy_text("555.42.06", out, length);
}

__attribute__((visibility("default"))) int nvmlDeviceGetCount_v2(unsigned* count) {
    *count = kCount;
    return kSuccess;
}

__attribute__((visibility("default"))) int nvmlDeviceGetHandleByIndex_v2(unsigned index, void** device) {
    if (index >= kCount) return kInvalidArgument;
    *device = const_cast<FakeGpu*>(&kGpus[index]);
    return kSuccess;
}

__attribute__((visibility("default"))) int nvmlDeviceGetName(void* device, char* out, unsigned length) {
    return copy_text(gpu(device)->name, out, length);
}

__attribute__((visibility("default"))) int nvmlDeviceGetUUID(void* device, char* out, unsigned length) {
    return copy_text(gpu(device)->uuid, out, length);
}

__attribute__((visibility("default"))) int nvmlDeviceGetMemoryInfo(void* device, nvmlMemory_t* memory) {
    if (gpu(device) - kGpus == env_int("FAKE_NVML_DENY", -1)) return kNoPermission;
    *memory = {gpu(device)->memory, gpu(device)->memory / 2, gpu(device)->memory / 2};
    return kSuccess;
}

}  // extern "C"
