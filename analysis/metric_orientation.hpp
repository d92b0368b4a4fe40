#pragma once
// Which way a metric improves and whether it is a duration, read from its name and unit, so
// the comparison, the noise warnings and the report agree on every kind's metrics.
//
// Higher is better for throughput: units that are a quantity per second (GFLOP/s, GB/s,
// ops/s, 1/s, B/s) and the names gflops, bandwidth, rate, efficiency and *_per_s (a rate
// recorded without a unit still counts). Everything else (times, bytes, faults, switches)
// is lower-is-better.

#include "analysis/metric_direction.hpp"

#include <string_view>

namespace perfmatrix {

Better metric_better(std::string_view metric, std::string_view unit);

// "s", "ms", "us", "µs", "ns": the units format_value() prints as durations.
bool is_duration_unit(std::string_view unit);

}  // namespace perfmatrix
