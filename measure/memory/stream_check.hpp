#pragma once
// What STREAM's arrays hold and what each kernel must leave in its output.
//
// Each kernel writes one array from others it never writes, so a pass is idempotent: after
// any number of passes the output is a known function of the index. The starting values are
// small integers and halves, and the scalar is 3, so every result is exact in double
// precision: the check compares every element exactly, at every size, instead of STREAM's
// averaged checksum with a tolerance. The values vary with the index, so a kernel that reads
// or writes the wrong element (a shifted slice, a thread's chunk done twice) is caught too.

#include "measure/memory/stream_kernels.hpp"

#include <cstddef>
#include <optional>
#include <string>

namespace perfmatrix::memory {

// Sets elements [lo, hi) of all three arrays to their starting values.
void stream_fill(const StreamArrays& x, std::size_t lo, std::size_t hi);

// Sets the op's output to NaN, so elements a pass failed to write cannot pass the check.
void stream_poison_output(StreamOp op, const StreamArrays& x);

// Empty when the op's output holds exactly what the op computes from the starting values;
// otherwise what differed (first bad index, value found and expected, how many are bad).
std::optional<std::string> verify_stream(StreamOp op, const StreamArrays& x);

}  // namespace perfmatrix::memory
