#pragma once
// What `perfmatrix status` counts: per benchmark, the cases planned, done (ok), failed (any other
// outcome but skipped), skipped and left (planned but not committed yet), from a results file
// alone, so it works while the run is still writing.

#include "results/records.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace perfmatrix {

struct ProgressCount {
    std::string benchmark;               // "" for the total
    std::optional<std::int64_t> planned;  // unknown per benchmark in files older than planned_per_benchmark
    std::int64_t done = 0;
    std::int64_t failed = 0;
    std::int64_t skipped = 0;
    std::optional<std::int64_t> left;  // planned minus committed; unknown when planned is
};

struct StatusCounts {
    std::vector<ProgressCount> benchmarks;  // in job order, then any benchmark the plan lacks
    ProgressCount total;
};

StatusCounts count_status(const Results& results);

}  // namespace perfmatrix
