// Looking a job's benchmarks up by name.

#include "orchestrator/job/job.hpp"

namespace perfmatrix {

const BenchmarkInfo* find_benchmark(const Job& job, std::string_view name) {
    const auto& all = job.benchmarks;
    if (const auto it = job.benchmark_index.find(name);
        it != job.benchmark_index.end() && it->second < all.size() && all[it->second].name == name)
        return &all[it->second];
    // An index that is missing or out of date: search.
    for (const BenchmarkInfo& b : all)
        if (b.name == name) return &b;
    return nullptr;
}

void index_benchmarks(Job& job) {
    job.benchmark_index.clear();
    job.benchmark_index.reserve(job.benchmarks.size());
    for (std::size_t i = 0; i < job.benchmarks.size(); ++i) job.benchmark_index.emplace(job.benchmarks[i].name, i);
}

}  // namespace perfmatrix
