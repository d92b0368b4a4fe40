#include "measure/host_probe.hpp"
#include "measure/model/host_info.hpp"
#include "measure/system/cpu_ranges.hpp"
#include "measure/system/spawn_floor.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <string>

namespace perfmatrix {
namespace {

// Sets (or unsets) a variable for one test and restores the previous value afterwards.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const char* value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old;
        if (value)
            ::setenv(name, value, 1);
        else
            ::unsetenv(name);
    }
    ~ScopedEnv() {
        if (old_)
            ::setenv(name_, old_->c_str(), 1);
        else
            ::unsetenv(name_);
    }

private:
    const char* name_;
    std::optional<std::string> old_;
};

std::optional<std::string> recorded(const HostInfo& h, const std::string& name) {
    for (const auto& [k, v] : h.environment) {
        if (k == name) return v;
    }
    return std::nullopt;
}

bool has(const std::vector<std::string>& v, const char* s) { return std::find(v.begin(), v.end(), s) != v.end(); }

}  // namespace

TEST(CpuRanges, CompactsRuns) {
    EXPECT_EQ(format_cpu_ranges({0, 1, 4}), "0-1,4");
    EXPECT_EQ(format_cpu_ranges({7, 3, 2, 3, 0, 1, 9, 10, 11}), "0-3,7,9-11");
    EXPECT_EQ(format_cpu_ranges({5}), "5");
    EXPECT_EQ(format_cpu_ranges({}), "");
}

TEST(HostInfo, DescribesThisMachine) {
    const HostInfo h = probe_host();
    EXPECT_FALSE(h.host.empty());
    EXPECT_FALSE(h.cpu_model.empty());
    EXPECT_GE(h.cores, 1);
    EXPECT_FALSE(h.cpuset.empty());
    EXPECT_GE(h.cpuset_size, 1);
    EXPECT_LE(h.cpuset_size, h.cores);
    EXPECT_EQ(h.kernel.rfind("Linux ", 0), 0u) << h.kernel;
    EXPECT_GE(h.load1, 0.0);
    ASSERT_FALSE(h.environment.empty());
    EXPECT_EQ(h.environment.front().first, "cpu0_scaling_governor");
    EXPECT_FALSE(h.environment.front().second.empty());
}

TEST(HostInfo, RecordsTheSpawnFloor) {
    const auto floor = recorded(probe_host(), std::string(kSpawnFloorKey));
    ASSERT_TRUE(floor.has_value());
    const double seconds = std::stod(*floor);
    EXPECT_GT(seconds, 0.0);
    EXPECT_LT(seconds, 5.0);  // /bin/true: about half a millisecond; generous for a loaded machine
}

TEST(SpawnFloor, AProgramThatFailsHasNoFloor) {
    EXPECT_FALSE(measure_spawn_floor(3, "/bin/false").has_value());
    EXPECT_FALSE(measure_spawn_floor(3, "/nonexistent/program").has_value());
    EXPECT_FALSE(measure_spawn_floor(0).has_value());
    EXPECT_TRUE(measure_spawn_floor(3).has_value());
}

TEST(HostInfo, RecordsResultChangingVariablesWithoutTouchingThem) {
    const ScopedEnv coretype("OPENBLAS_CORETYPE", "Haswell");
    const ScopedEnv omp("OMP_NUM_THREADS", "3");
    const ScopedEnv job("SLURM_JOB_ID", "42");
    const ScopedEnv other("PERFMATRIX_UNRELATED", "x");
    const HostInfo h = probe_host();
    EXPECT_EQ(recorded(h, "OPENBLAS_CORETYPE"), "Haswell");
    EXPECT_EQ(recorded(h, "OMP_NUM_THREADS"), "3");
    EXPECT_EQ(recorded(h, "SLURM_JOB_ID"), "42");
    EXPECT_FALSE(recorded(h, "PERFMATRIX_UNRELATED").has_value());
    EXPECT_STREQ(std::getenv("OPENBLAS_CORETYPE"), "Haswell");  // recorded, never modified
}

TEST(HostInfo, CudaVisibleDevicesIsTheSchedulersGrant) {
    struct Row {
        const char* value;
        int gpus;
    };
    for (const Row& row :
         {Row{"0", 1}, Row{"0,1,3", 3}, Row{"GPU-5e1c,GPU-77aa", 2}, Row{"", 0}, Row{"-1", 0}, Row{"NoDevFiles", 0}}) {
        const ScopedEnv visible("CUDA_VISIBLE_DEVICES", row.value);
        const HostInfo h = probe_host();
        EXPECT_EQ(h.gpus, row.gpus) << "CUDA_VISIBLE_DEVICES='" << row.value << "'";
        EXPECT_EQ(h.gpu_source, "CUDA_VISIBLE_DEVICES");
        EXPECT_EQ(recorded(h, "CUDA_VISIBLE_DEVICES"), std::string(row.value));
        EXPECT_EQ(has(capabilities(h), "gpu"), row.gpus > 0);
    }
}

TEST(HostInfo, WithoutCudaVisibleDevicesCountsDeviceNodes) {
    const ScopedEnv visible("CUDA_VISIBLE_DEVICES", nullptr);
    const HostInfo h = probe_host();
    EXPECT_NE(h.gpu_source, "CUDA_VISIBLE_DEVICES");
    EXPECT_EQ(h.gpu_source == "none", h.gpus == 0);
}

TEST(HostInfo, Capabilities) {
    HostInfo h;
    EXPECT_EQ(capabilities(h), (std::vector<std::string>{"cpu"}));
    h.gpus = 2;
    EXPECT_EQ(capabilities(h), (std::vector<std::string>{"cpu", "gpu"}));
    EXPECT_EQ(known_capabilities(), (std::vector<std::string>{"cpu", "gpu"}));
}

}  // namespace perfmatrix
