// The GPU inventory against a fake NVML (fake_nvml.cpp), since this machine has no NVIDIA
// driver; and against the real libnvidia-ml.so.1 wherever one is installed.
#include "measure/host_probe.hpp"
#include "measure/model/host_info.hpp"
#include "measure/system/gpu_inventory.hpp"
#include "tests/support/scoped_env.hpp"

#include <gtest/gtest.h>

#include <dlfcn.h>

#include <algorithm>
#include <map>
#include <string>

namespace perfmatrix {
namespace {

using test::ScopedEnv;

const std::string kFake = PERFMATRIX_FAKE_NVML;

std::vector<int> nvml_indices(const GpuInventory& inv) {
    std::vector<int> out;
    for (const auto& g : inv.devices) out.push_back(g.nvml_index);
    return out;
}

std::map<std::string, std::string> as_map(const std::vector<std::pair<std::string, std::string>>& env) {
    return {env.begin(), env.end()};
}

TEST(GpuInventory, ReadsEveryGpuAndTheDriver) {
    const auto inv = read_gpu_inventory(kFake, nullptr);
    EXPECT_TRUE(inv.nvml_loaded);
    EXPECT_TRUE(inv.listed);
    EXPECT_EQ(inv.problem, "");
    EXPECT_EQ(inv.driver_version, "555.42.06");
    ASSERT_EQ(inv.devices.size(), 3u);
    EXPECT_EQ(inv.devices[0].name, "Fake GPU A100-SXM4-40GB");
    EXPECT_EQ(inv.devices[0].uuid, "GPU-01234567-89ab-cdef-0123-456789abcdef");
    EXPECT_EQ(inv.devices[0].memory_bytes, 40ULL << 30);
    EXPECT_EQ(inv.devices[2].memory_bytes, 80ULL << 30);
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(inv.devices[static_cast<std::size_t>(i)].index, i);
        EXPECT_EQ(inv.devices[static_cast<std::size_t>(i)].nvml_index, i);
    }
}

TEST(GpuInventory, EnvironmentStringsNameEachGpu) {
    const auto env = as_map(gpu_environment(read_gpu_inventory(kFake, "2,0")));
    EXPECT_EQ(env.at("gpu.driver"), "555.42.06");
    EXPECT_EQ(env.at("gpu.0.name"), "Fake GPU H100 80GB HBM3");  // CUDA's device 0 is NVML's 2
    EXPECT_EQ(env.at("gpu.0.uuid"), "GPU-a2222222-3333-4444-5555-666666666666");
    EXPECT_EQ(env.at("gpu.0.memory_bytes"), std::to_string(80ULL << 30));
    EXPECT_EQ(env.at("gpu.1.name"), "Fake GPU A100-SXM4-40GB");
    EXPECT_EQ(env.count("gpu.2.name"), 0u);
    EXPECT_EQ(env.count("gpu.nvml"), 0u);
}

TEST(GpuInventory, CudaVisibleDevicesSelectsAndOrdersLikeCuda) {
    struct Row {
        const char* visible;
        std::vector<int> nvml;
        bool problem;
    };
    const Row rows[] = {
        {"2,0", {2, 0}, false},
        {"1", {1}, false},
        {" 1 , 2", {1, 2}, false},
        {"", {}, false},
        {"-1", {}, false},
        {"NoDevFiles", {}, false},
        {"0,1,-1,2", {0, 1}, false},  // CUDA stops at the first invalid entry
        {"0,7,1", {0}, true},         // no GPU 7
        {"1,1", {1}, true},           // a repeat ends the list
        {"GPU-01234567-89ab-cdef-0123-456789abcdef", {0}, false},
        {"GPU-a2,GPU-0", {2, 0}, false},  // unique UUID prefixes
        {"GPU-a", {}, true},              // ambiguous: devices 1 and 2
        {"MIG-0f6e4b1c-2d3a-4b5c-8d7e-9f0a1b2c3d4e", {}, true},
    };
    for (const auto& row : rows) {
        SCOPED_TRACE(std::string("CUDA_VISIBLE_DEVICES='") + row.visible + "'");
        const auto inv = read_gpu_inventory(kFake, row.visible);
        EXPECT_EQ(nvml_indices(inv), row.nvml);
        EXPECT_EQ(!inv.problem.empty(), row.problem) << inv.problem;
        for (std::size_t i = 0; i < inv.devices.size(); ++i) EXPECT_EQ(inv.devices[i].index, static_cast<int>(i));
    }
}

TEST(GpuInventory, AGpuThatCannotBeReadIsLeftOutAndSaidWhy) {
    const ScopedEnv deny("FAKE_NVML_DENY", "1");
    const auto inv = read_gpu_inventory(kFake, nullptr);
    EXPECT_EQ(nvml_indices(inv), (std::vector<int>{0, 2}));
    EXPECT_EQ(inv.problem, "GPU 1: nvmlDeviceGetMemoryInfo failed: Insufficient Permissions (4)");
    EXPECT_EQ(as_map(gpu_environment(inv)).at("gpu.nvml"), inv.problem);
}

TEST(GpuInventory, ADriverThatFailsToStartGivesNoGpusAndTheReason) {
    const ScopedEnv fail("FAKE_NVML_INIT_ERROR", "9");
    const auto inv = read_gpu_inventory(kFake, nullptr);
    EXPECT_TRUE(inv.nvml_loaded);
    EXPECT_FALSE(inv.listed);
    EXPECT_TRUE(inv.devices.empty());
    EXPECT_EQ(inv.problem, "nvmlInit_v2 failed: Driver Not Loaded (9)");
    const auto env = as_map(gpu_environment(inv));
    EXPECT_EQ(env.size(), 1u);
    EXPECT_EQ(env.at("gpu.nvml"), inv.problem);
}

TEST(GpuInventory, NvmlIsShutDownAfterReading) {
    // Keep the fake loaded across the read, so its session counter survives dlclose.
    void* held = dlopen(kFake.c_str(), RTLD_NOW | RTLD_LOCAL);
    ASSERT_NE(held, nullptr) << dlerror();
    const auto sessions = reinterpret_cast<int (*)()>(dlsym(held, "fake_nvml_sessions"));
    ASSERT_NE(sessions, nullptr);
    EXPECT_EQ(read_gpu_inventory(kFake, nullptr).devices.size(), 3u);
    EXPECT_EQ(read_gpu_inventory(kFake, "0").devices.size(), 1u);
    EXPECT_EQ(sessions(), 0);
    dlclose(held);
}

TEST(GpuInventory, NoLibraryMeansNoDriverAndNothingToSay) {
    const auto inv = read_gpu_inventory("libperfmatrix-no-such-nvml.so.1", nullptr);
    EXPECT_FALSE(inv.nvml_loaded);
    EXPECT_FALSE(inv.listed);
    EXPECT_TRUE(inv.devices.empty());
    EXPECT_TRUE(gpu_environment(inv).empty());
}

TEST(GpuInventory, ALibraryThatIsNotNvmlIsAProblem) {
    const auto inv = read_gpu_inventory("libm.so.6", nullptr);
    EXPECT_TRUE(inv.nvml_loaded);
    EXPECT_TRUE(inv.devices.empty());
    EXPECT_EQ(inv.problem, "NVML lacks nvmlInit_v2");
}

// The real driver's NVML where there is one. Here (no NVIDIA driver) dlopen fails, the
// inventory is empty and the rank falls back to device nodes; on a GPU node it lists them.
TEST(GpuInventory, HostInfoCarriesTheRealInventory) {
    const ScopedEnv unset("CUDA_VISIBLE_DEVICES", nullptr);
    const HostInfo h = probe_host();
    const auto inv = read_gpu_inventory(kNvmlLibrary, nullptr);
    EXPECT_EQ(h.gpu_devices.size(), inv.devices.size());
    EXPECT_EQ(h.gpu_driver, inv.driver_version);
    const bool any_gpu_key = std::any_of(h.environment.begin(), h.environment.end(),
                                         [](const auto& kv) { return kv.first.starts_with("gpu."); });
    EXPECT_EQ(any_gpu_key, inv.nvml_loaded);
    if (inv.listed) {
        EXPECT_EQ(h.gpus, static_cast<int>(inv.devices.size()));
        EXPECT_EQ(h.gpu_source, h.gpus > 0 ? "nvml" : "none");
    } else {
        EXPECT_NE(h.gpu_source, "nvml");
    }
}

}  // namespace
}  // namespace perfmatrix
