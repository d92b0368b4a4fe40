#pragma once
// The four STREAM kernels (McCalpin) over a slice of three arrays, and the bytes each moves
// as STREAM counts them: what the kernel names, not write-allocate traffic.

#include <cstddef>
#include <optional>
#include <string_view>

namespace perfmatrix::memory {

enum class StreamOp { copy, scale, add, triad };

inline constexpr double kStreamScalar = 3.0;

struct StreamArrays {
    double* a = nullptr;
    double* b = nullptr;
    double* c = nullptr;
    std::size_t n = 0;  // elements per array
};

std::optional<StreamOp> stream_op_from_name(std::string_view name);
const char* to_string(StreamOp op);

// copy c=a, scale b=s*c, add c=a+b, triad a=b+s*c on elements [lo, hi).
void stream_kernel(StreamOp op, const StreamArrays& x, std::size_t lo, std::size_t hi);

// The array a kernel writes (c, b, c, a).
double* stream_output(StreamOp op, const StreamArrays& x);

// copy and scale: 2 arrays; add and triad: 3; times 8 bytes times n.
double stream_bytes_per_pass(StreamOp op, std::size_t n);

}  // namespace perfmatrix::memory
