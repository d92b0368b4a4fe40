#pragma once
// What counts as a benchmark name and an axis name.

#include <cstddef>
#include <string_view>

namespace perfmatrix {

// Benchmark names end up in case ids ("<name>/<hash>"), HDF5 rows and report columns: short,
// and free of separators.
inline constexpr std::size_t kMaxBenchmarkName = 48;

// [A-Za-z0-9_.-]+, at most kMaxBenchmarkName characters.
bool is_benchmark_name(std::string_view name);

// [A-Za-z0-9_-]+ (TOML's bare keys): no '=' (case ids join "axis=value"), no braces
// (placeholders), nothing that needs quoting in a TOML key.
bool is_axis_name(std::string_view name);

}  // namespace perfmatrix
