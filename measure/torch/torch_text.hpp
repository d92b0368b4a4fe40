#pragma once
// Text helpers for the torch kinds' environment entries. No torch headers.

#include <string>

namespace perfmatrix::torch_bench {

// Multi-line text (at::get_parallel_info()) as one line: lines joined with "; ", tabs and
// repeated blanks dropped, empty lines skipped.
std::string one_line(const std::string& text);

}  // namespace perfmatrix::torch_bench
