#include "measure/host_probe.hpp"

#include "measure/kind_registry.hpp"
#include "measure/system/cpu_ranges.hpp"
#include "measure/system/gpu_inventory.hpp"
#include "measure/system/host_name.hpp"
#include "measure/system/spawn_floor.hpp"
#include "measure/system/system_state.hpp"

#include <fmt/format.h>

#include <sched.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string_view>

extern char** environ;

namespace perfmatrix {
namespace {

std::string trim(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    const auto last = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(first, last - first + 1));
}

std::string cpu_model() {
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    while (std::getline(in, line)) {
        if (!line.starts_with("model name")) continue;
        const auto colon = line.find(':');
        if (colon != std::string::npos) return trim(std::string_view(line).substr(colon + 1));
    }
    return "unknown";
}

int online_cores() {
    const long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? static_cast<int>(n) : 1;
}

// sched_getaffinity with a set sized at run time: CPU_SETSIZE (1024) is too small for some
// big machines, where the call fails with EINVAL until the set is large enough.
std::vector<int> allowed_cpus() {
    for (int capacity = 1024; capacity <= (1 << 20); capacity *= 4) {
        const auto deleter = [](cpu_set_t* s) { CPU_FREE(s); };
        std::unique_ptr<cpu_set_t, decltype(deleter)> set(CPU_ALLOC(capacity), deleter);
        const std::size_t bytes = CPU_ALLOC_SIZE(capacity);
        CPU_ZERO_S(bytes, set.get());
        if (sched_getaffinity(0, bytes, set.get()) != 0) continue;
        std::vector<int> cpus;
        for (int cpu = 0; cpu < capacity; ++cpu) {
            if (CPU_ISSET_S(cpu, bytes, set.get())) cpus.push_back(cpu);
        }
        return cpus;
    }
    return {};
}

std::string kernel() {
    utsname u{};
    if (uname(&u) != 0) return "unknown";
    return fmt::format("{} {} {}", u.sysname, u.release, u.machine);
}

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int nvidia_device_nodes() {
    int count = 0;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator("/dev", ec)) {
        const std::string name = entry.path().filename().string();
        // /dev/nvidia0, nvidia1, ...; not nvidiactl, nvidia-uvm, nvidia-modeset.
        if (name.starts_with("nvidia") && all_digits(std::string_view(name).substr(6))) ++count;
    }
    return count;
}

// The scheduler's grant (SLURM --gres sets it) wins over the device nodes, which show every
// GPU of the node, including those given to other jobs.
int visible_device_count(std::string_view list) {
    if (list.empty() || list == "-1" || list == "NoDevFiles") return 0;
    return static_cast<int>(std::count(list.begin(), list.end(), ',')) + 1;
}

void probe_gpus(HostInfo& h, const GpuInventory& inventory) {
    h.gpu_devices = inventory.devices;
    h.gpu_driver = inventory.driver_version;
    if (const char* visible = std::getenv("CUDA_VISIBLE_DEVICES")) {
        h.gpus = visible_device_count(visible);
        h.gpu_source = "CUDA_VISIBLE_DEVICES";
        return;
    }
    // NVML knows the GPUs the driver manages; device nodes are the fallback without it.
    if (inventory.listed) {
        h.gpus = static_cast<int>(inventory.devices.size());
        h.gpu_source = h.gpus > 0 ? "nvml" : "none";
        return;
    }
    h.gpus = nvidia_device_nodes();
    h.gpu_source = h.gpus > 0 ? "dev-nodes" : "none";
}

std::string scaling_governor() {
    std::ifstream in("/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor");
    std::string governor;
    if (!std::getline(in, governor)) return "unavailable";
    return trim(governor);
}

// Variables that change what a benchmark measures; recorded, never modified.
bool affects_results(std::string_view name) {
    constexpr std::array<std::string_view, 5> prefixes{"OPENBLAS_", "OMP_", "MKL_", "GOTO", "PYTHON"};
    constexpr std::array<std::string_view, 4> exact{"CUDA_VISIBLE_DEVICES", "SLURM_JOB_ID", "SLURM_JOB_PARTITION",
                                                    "OMPI_COMM_WORLD_LOCAL_RANK"};
    for (auto p : prefixes) {
        if (name.starts_with(p)) return true;
    }
    return std::find(exact.begin(), exact.end(), name) != exact.end();
}

std::vector<std::pair<std::string, std::string>> result_environment() {
    std::vector<std::pair<std::string, std::string>> vars;
    for (char** e = environ; e && *e; ++e) {
        const std::string_view entry(*e);
        const auto eq = entry.find('=');
        if (eq == std::string_view::npos || !affects_results(entry.substr(0, eq))) continue;
        vars.emplace_back(std::string(entry.substr(0, eq)), std::string(entry.substr(eq + 1)));
    }
    std::sort(vars.begin(), vars.end());
    vars.insert(vars.begin(), {"cpu0_scaling_governor", scaling_governor()});
    return vars;
}

// The measurement floor in seconds, as text; nullopt when /bin/true cannot be run here (the
// report then shows no floor rather than a wrong one). 21 spawns: about 10-15 ms per rank.
std::optional<std::string> spawn_floor() {
    constexpr int samples = 21;
    try {
        if (const auto seconds = measure_spawn_floor(samples)) return fmt::format("{:.7f}", *seconds);
    } catch (const std::exception&) {
        // No pipes or no pidfd/thread: the rank's cases will say so; the probe goes on.
    }
    return std::nullopt;
}

}  // namespace

HostInfo probe_host() {
    HostInfo h;
    h.host = host_name();
    h.cpu_model = cpu_model();
    h.cores = online_cores();
    const auto cpus = allowed_cpus();
    h.cpuset = format_cpu_ranges(cpus);
    h.cpuset_size = static_cast<int>(cpus.size());
    h.kernel = kernel();
    std::array<double, 3> load{};
    if (getloadavg(load.data(), 3) == 3) {
        h.load1 = load[0];
        h.load5 = load[1];
        h.load15 = load[2];
    }
    const GpuInventory gpus = read_gpu_inventory(kNvmlLibrary, std::getenv("CUDA_VISIBLE_DEVICES"));
    probe_gpus(h, gpus);
    h.environment = result_environment();
    for (auto& kv : gpu_environment(gpus)) h.environment.push_back(std::move(kv));
    // The builds of the libraries kinds measure (e.g. which OpenBLAS: config, core kernel,
    // threading), from each family that registered such facts.
    for (auto& kv : kind_registry().host_facts()) h.environment.push_back(std::move(kv));
    // The settings that make numbers unstable, as they were when this rank started (the
    // report judges them again from the results file).
    for (auto& kv : probe_system_state()) h.environment.push_back(std::move(kv));
    // Last, so its children do not show in the CPU consumers read above.
    if (const auto floor = spawn_floor()) h.environment.emplace_back(std::string(kSpawnFloorKey), *floor);
    return h;
}

}  // namespace perfmatrix
