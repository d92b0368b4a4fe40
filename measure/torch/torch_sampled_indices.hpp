#pragma once
// Which elements of a large output a check recomputes. No torch headers.

#include <cstdint>
#include <vector>

namespace perfmatrix::torch_bench {

// Every index when n <= count; otherwise the first and the last, and count - 2 more spread by a
// fixed pseudo-random sequence (the same every check), so no stride of the tensor's layout
// lines up with them and a wrong row, column or tail is likely hit.
std::vector<std::int64_t> sampled_indices(std::int64_t n, std::int64_t count);

}  // namespace perfmatrix::torch_bench
