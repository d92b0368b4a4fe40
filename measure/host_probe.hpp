#pragma once
// Gathers this machine's HostInfo: CPU, cpuset, kernel, load, GPUs, and the environment and
// library builds that change results.

#include "measure/model/host_info.hpp"

namespace perfmatrix {

HostInfo probe_host();

}  // namespace perfmatrix
