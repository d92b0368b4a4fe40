#include "workers/memory/memory_kinds.hpp"

#include "workers/memory/alloc_params.hpp"
#include "workers/memory/alloc_runner.hpp"
#include "workers/memory/faults_params.hpp"
#include "workers/memory/faults_runner.hpp"
#include "workers/memory/stream_params.hpp"
#include "workers/memory/stream_runner.hpp"

namespace perfmatrix {

std::vector<KindSpec> memory_kind_specs() {
    return {memory::stream_kind_spec(), memory::alloc_kind_spec(), memory::faults_kind_spec()};
}

std::unique_ptr<Runner> make_memory_runner(std::string_view kind) {
    if (kind == "memory_stream") return std::make_unique<memory::StreamRunner>();
    if (kind == "memory_alloc") return std::make_unique<memory::AllocRunner>();
    if (kind == "memory_faults") return std::make_unique<memory::FaultsRunner>();
    return nullptr;
}

}  // namespace perfmatrix
