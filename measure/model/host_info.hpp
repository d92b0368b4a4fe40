#pragma once
// What a rank can tell about the machine it runs on (measure/host_probe.hpp gathers it, without
// MPI; the orchestrator adds rank and node numbers).

#include "measure/model/sample.hpp"
#include "measure/system/gpu_inventory.hpp"

#include <string>
#include <utility>
#include <vector>

namespace perfmatrix {

struct HostInfo {
    std::string host;       // gethostname
    std::string cpu_model;  // /proc/cpuinfo "model name"
    int cores = 0;          // online CPUs
    std::string cpuset;     // CPUs this process may run on, e.g. "0-1"
    int cpuset_size = 0;
    std::string kernel;  // uname -srm
    double load1 = 0, load5 = 0, load15 = 0;
    int gpus = 0;                      // NVIDIA devices visible to this process
    std::string gpu_source;            // how gpus was found: "nvml", "dev-nodes", "CUDA_VISIBLE_DEVICES", "none"
    std::vector<GpuInfo> gpu_devices;  // from NVML; empty without an NVIDIA driver
    std::string gpu_driver;            // NVIDIA driver version, from NVML
    // Environment that changes results: governor, OPENBLAS_*, OMP_NUM_THREADS, ...
    Environment environment;
};

// Capabilities a case may require (CaseSettings::requires_), e.g. {"cpu", "gpu"}.
std::vector<std::string> capabilities(const HostInfo& h);
// Every capability name a job file may require.
const std::vector<std::string>& known_capabilities();

}  // namespace perfmatrix
