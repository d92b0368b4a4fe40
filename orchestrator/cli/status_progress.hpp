#pragma once
// What `perfmatrix status` counts: per benchmark, the (case, round) units planned, done (ok), failed (any other
// outcome but skipped and unschedulable), skipped, unschedulable, running and left (planned, neither committed nor
// running), from a results file alone, so it works while the run is still writing.

#include "measure/model/records.hpp"
#include "orchestrator/run/running_cases.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace perfmatrix {

struct ProgressCount {
    std::string benchmark;                // "" for the total
    std::optional<std::int64_t> planned;  // unknown per benchmark in files older than planned_per_benchmark
    std::int64_t done = 0;
    std::int64_t failed = 0;
    std::int64_t skipped = 0;
    std::int64_t unschedulable = 0;    // no rank could run it (e.g. it needs a GPU): not a failure
    std::int64_t running = 0;          // in flight now (a live run's <results>.running)
    std::optional<std::int64_t> left;  // planned minus committed and running; unknown when planned is
};

struct StatusCounts {
    std::vector<ProgressCount> benchmarks;  // in job order, then any benchmark the plan lacks
    ProgressCount total;
};

// `running`: the cases a live writer has in flight (read_running_cases); pass none for a file
// without a live writer, whose leftover list would be stale.
StatusCounts count_status(const Results& results, const std::vector<RunningCase>& running = {});

}  // namespace perfmatrix
