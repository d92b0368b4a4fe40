#include "workers/runner.hpp"

#include "workers/asio/asio_kinds.hpp"
#include "workers/blas/blas_kinds.hpp"
#include "workers/cuda/cuda_kinds.hpp"
#include "workers/memory/memory_kinds.hpp"
#include "workers/python/python_kinds.hpp"
#include "workers/spawn_runner.hpp"
#include "workers/torch/torch_kinds.hpp"

namespace perfmatrix {

std::unique_ptr<Runner> make_runner(std::string_view kind) {
    if (kind == "spawn") return std::make_unique<SpawnRunner>();
    if (auto r = make_blas_runner(kind)) return r;
    if (auto r = make_memory_runner(kind)) return r;
    if (auto r = make_asio_runner(kind)) return r;
    if (auto r = make_cuda_runner(kind)) return r;
    if (auto r = make_python_runner(kind)) return r;
    if (auto r = make_torch_runner(kind)) return r;
    return nullptr;
}

}  // namespace perfmatrix
