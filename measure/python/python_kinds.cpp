// The Python kinds: workloads of perfmatrix's harness, and pyperf scripts, under an interpreter.
#include "measure/kind_registry.hpp"
#include "measure/python/pyperf_params.hpp"
#include "measure/python/pyperf_runner.hpp"
#include "measure/python/python_params.hpp"
#include "measure/python/python_runner.hpp"
#include "measure/python/workload_catalog.hpp"

namespace perfmatrix {
namespace {

Kind workload() {
    Kind k = python::python_kind();
    // The harness's workloads state their own category (startup, memory, compute, async...),
    // which the runner records as the case's; "python" is for a workload that states none.
    k.category = "python";
    k.planned_category = python::planned_workload_category;
    // Each workload adds its own figures (items_per_s, peak_tracemalloc...): undeclared ones are
    // higher-is-better when per second (undeclared_metric).
    k.metrics = {{"time", "s", Better::lower, 1}, {"max_rss", "bytes", Better::lower, 0}};
    k.make_runner = python::make_python_runner;
    return k;
}

Kind pyperf() {
    Kind k = python::pyperf_kind();
    k.category = "pyperf";
    // pyperf's values: seconds as `time`; a benchmark with another unit records `value`.
    k.metrics = {{"time", "s", Better::lower, 1}};
    k.make_runner = python::make_pyperf_runner;
    return k;
}

}  // namespace

void register_python_kinds(KindRegistry& registry) {
    registry.add(workload());
    registry.add(pyperf());
}

}  // namespace perfmatrix
