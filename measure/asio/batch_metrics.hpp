#pragma once
// The metrics every asio kind reports per sample, and the percentile helper for latencies.

#include "measure/sampling.hpp"

#include <cstdint>
#include <vector>

namespace perfmatrix::asio_bench {

// batch_time (s), time (s per operation), iterations (count), rate (ops/s).
std::vector<Metric> batch_metrics(double batch_time, std::uint64_t iterations);

// Nearest-rank percentile (q in [0, 1]) of values, which it reorders. 0 for no values.
double percentile(std::vector<double>& values, double q);

}  // namespace perfmatrix::asio_bench
