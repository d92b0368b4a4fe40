#include "measure/asio/batch_metrics.hpp"

#include <algorithm>
#include <cmath>

namespace perfmatrix::asio_bench {

std::vector<Metric> batch_metrics(double batch_time, std::uint64_t iterations) {
    const auto n = static_cast<double>(iterations);
    return {
        {"batch_time", "s", batch_time},
        {"time", "s", n > 0 ? batch_time / n : 0.0},
        {"iterations", "count", n},
        {"rate", "ops/s", batch_time > 0 ? n / batch_time : 0.0},
    };
}

double percentile(std::vector<double>& values, double q) {
    if (values.empty()) return 0.0;
    // Nearest rank: the smallest value with at least q of the values at or below it.
    const double rank = std::ceil(q * static_cast<double>(values.size()));
    const auto index = static_cast<std::size_t>(std::clamp(rank - 1.0, 0.0, static_cast<double>(values.size() - 1)));
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(index), values.end());
    return values[index];
}

}  // namespace perfmatrix::asio_bench
