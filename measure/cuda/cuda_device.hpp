#pragma once
// Choosing the GPU a case runs on, and describing it and the CUDA libraries for the results.

#include "measure/model/sample.hpp"

#include <string>
#include <utility>
#include <vector>

namespace perfmatrix::cuda {

using perfmatrix::Environment;

// Makes `device` current for this thread. Throws CudaError, never crashes, when no device is
// visible: "no CUDA device visible (cudaGetDeviceCount: ...)", or when `device` is not one.
void select_device(int device);

// cuda.runtime_version, cuda.driver_version, cublas.version: known without a device.
Environment cuda_library_environment();
// gpu.name, gpu.memory, gpu.compute_capability, gpu.clock, ... of `device`.
Environment gpu_device_environment(int device);

// A CUDA version number (1000 major + 10 minor, e.g. 13000) as text: "13.0".
std::string cuda_version_text(int version);

}  // namespace perfmatrix::cuda
