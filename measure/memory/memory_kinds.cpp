// The memory kinds: STREAM bandwidth, malloc/free under a chosen allocator, page faults.
#include "measure/kind_registry.hpp"
#include "measure/memory/alloc_params.hpp"
#include "measure/memory/alloc_runner.hpp"
#include "measure/memory/allocator_preload.hpp"
#include "measure/memory/faults_params.hpp"
#include "measure/memory/faults_runner.hpp"
#include "measure/memory/stream_params.hpp"
#include "measure/memory/stream_runner.hpp"

namespace perfmatrix {
namespace {

// What every batch of a memory kind records beside its own figures.
std::vector<MetricSpec> with_batch(std::vector<MetricSpec> own) {
    for (MetricSpec& m : batch_timing_metrics()) own.push_back(std::move(m));
    own.push_back({"max_rss", "bytes", Better::lower, 0});
    return own;
}

Kind stream() {
    Kind k = memory::stream_kind();
    k.metrics = with_batch({{"bandwidth", "GB/s", Better::higher, 1}, {"array_bytes", "bytes", Better::lower, 0}});
    k.make_runner = [] { return memory::make_stream_runner(); };
    return k;
}

Kind alloc() {
    Kind k = memory::alloc_kind();
    k.metrics = with_batch({{"rate", "ops/s", Better::higher, 1}});
    k.make_runner = memory::make_alloc_runner;
    // jemalloc and tcmalloc replace malloc only when preloaded (allocator_preload.hpp).
    k.preload = preload_for;
    return k;
}

Kind faults() {
    Kind k = memory::faults_kind();
    k.metrics = with_batch(
        {{"bandwidth", "GB/s", Better::higher, 1}, {"minor_faults_per_page", "ratio", Better::lower, 0}});
    k.make_runner = memory::make_faults_runner;
    return k;
}

}  // namespace

void register_memory_kinds(KindRegistry& registry) {
    for (Kind k : {stream(), alloc(), faults()}) {
        k.category = category::memory;
        registry.add(std::move(k));
    }
}

}  // namespace perfmatrix
