#include "workers/memory/batch_sizing.hpp"

#include "workers/param_reading.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace perfmatrix::memory {

std::vector<ParamSpec> batch_param_specs(const char* count_name, const char* count_help) {
    return {
        {count_name, ParamType::integer, false,
         std::string(count_help) + " per timed batch; 0 (default): calibrated so a batch lasts min_batch_time"},
        {"min_batch_time", ParamType::number, false,
         "seconds a calibrated batch lasts at least (default 0.05, 0.001-10)"},
    };
}

BatchParams read_batch_params(const nlohmann::json& params, const char* count_name) {
    BatchParams b;
    b.count = integer_param(params, count_name, 0, 0, 1'000'000'000'000LL);
    b.min_batch_time = number_param(params, "min_batch_time", 0.05, 0.001, 10.0);
    return b;
}

std::optional<long long> calibrate_iterations(const TimedBatch& batch, double target, long long max_n) {
    long long n = 1;
    for (;;) {
        const auto t = batch(n);
        if (!t) return std::nullopt;
        if (*t >= target || n >= max_n) return n;
        // Jump toward the target with 20 % headroom, but at most 100x per step: a batch too
        // short to time well could otherwise suggest an absurd count.
        const double ratio = *t > 0 ? target / *t * 1.2 : 100.0;
        const double grown = static_cast<double>(n) * std::clamp(ratio, 2.0, 100.0);
        n = std::min(max_n, static_cast<long long>(std::ceil(grown)));
    }
}

}  // namespace perfmatrix::memory
