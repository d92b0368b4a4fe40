#pragma once
// How many inner operations one timed batch holds. A batch must last far longer than the
// timer's resolution and the start/stop overhead (threads released, joined), so the count is
// calibrated once per case, before the warm-ups, unless the job fixes it.

#include "measure/model/kind.hpp"
#include "measure/param_reading.hpp"

#include <nlohmann/json.hpp>

#include <functional>
#include <optional>
#include <vector>

namespace perfmatrix::memory {

struct BatchParams {
    long long count = 0;  // inner operations (or rounds, passes) per batch; 0: calibrate
    double min_batch_time = kThreadedMinBatchTime;
};

// `count_name` is what the kind calls its batch size ("iterations", "cycles", "passes").
std::vector<ParamSpec> batch_param_specs(const char* count_name, const char* count_help);
BatchParams read_batch_params(const nlohmann::json& params, const char* count_name);  // throws InvalidParam

// Times a batch of n operations; nullopt when it was cut short (stop or timeout).
using TimedBatch = std::function<std::optional<double>(long long n)>;

// Grows n from 1 until a batch lasts target seconds (or n reaches max_n); nullopt if a batch
// was cut short.
std::optional<long long> calibrate_iterations(const TimedBatch& batch, double target, long long max_n);

}  // namespace perfmatrix::memory
