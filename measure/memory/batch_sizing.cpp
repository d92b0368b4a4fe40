#include "measure/memory/batch_sizing.hpp"

#include "measure/batch_size_search.hpp"
#include "measure/param_reading.hpp"

#include <string>

namespace perfmatrix::memory {

std::vector<ParamSpec> batch_param_specs(const char* count_name, const char* count_help) {
    return {
        batch_count_spec(count_name, count_help, "at most 10^12"),
        min_batch_time_spec(kThreadedMinBatchTime),
    };
}

BatchParams read_batch_params(const nlohmann::json& params, const char* count_name) {
    BatchParams b;
    b.count = static_cast<long long>(batch_count_param(params, count_name, 1'000'000'000'000ULL));
    b.min_batch_time = min_batch_time_param(params, kThreadedMinBatchTime);
    return b;
}

std::optional<long long> calibrate_iterations(const TimedBatch& batch, double target, long long max_n) {
    BatchSearch search;
    search.target = target;
    search.max = static_cast<std::uint64_t>(max_n);
    const auto found = search_batch_size([&](std::uint64_t n) { return batch(static_cast<long long>(n)); }, search);
    if (!found) return std::nullopt;
    return static_cast<long long>(found->size);
}

}  // namespace perfmatrix::memory
