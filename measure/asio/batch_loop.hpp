#pragma once
// How every asio kind turns batches into a case: the batch size (`iterations`) is fixed by a
// parameter or calibrated once, before the warm-ups, so that one batch lasts at least
// min_batch_time; then run_samples takes warm-ups and samples of that size.

#include "measure/model/case.hpp"
#include "measure/model/runner.hpp"
#include "measure/model/sample.hpp"
#include "measure/param_reading.hpp"
#include "measure/sample_deadline.hpp"
#include "measure/sampling.hpp"

#include <cstdint>
#include <functional>
#include <variant>

namespace perfmatrix::asio_bench {

// One timed and verified batch of `iterations` inner operations: its metrics (batch_time
// among them) or why it failed.
using Batch = std::function<SampleResult(std::uint64_t iterations, const SampleDeadline& deadline)>;

struct BatchSize {
    std::uint64_t fixed = 0;                         // > 0: use this; 0: calibrate
    std::uint64_t start = 1;                         // first calibration try
    std::uint64_t max = 1u << 24;                    // calibration never goes above (bounds memory and time)
    double min_batch_time = kEventLoopMinBatchTime;  // seconds
};

// Calibration (measure/batch_size_search.hpp) until two batches in a row last min_batch_time,
// or max is reached. Its batches are verified like any other and are not recorded.
// Returns the size, or the failed batch.
std::variant<std::uint64_t, SampleResult> calibrate(const Batch& batch, const BatchSize& size,
                                                    const CaseSettings& settings, const RunContext& ctx);

// Calibrates (unless fixed), then runs warm-ups and samples with "batch_time" as primary metric.
CaseOutcome run_batches(const Case& c, const RunContext& ctx, const Batch& batch, const BatchSize& size);

}  // namespace perfmatrix::asio_bench
