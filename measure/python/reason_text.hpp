#pragma once
// Child output quoted in failure reasons. A tail is cut at an arbitrary byte, and a workload
// may print anything, but reasons travel as JSON text and must be valid UTF-8.

#include <string>
#include <string_view>

namespace perfmatrix::python {

// `text` with every byte that is not part of a valid UTF-8 sequence replaced by '?'.
std::string valid_utf8(std::string_view text);

// "; <stream>: <trimmed tail>", or nothing when the tail is blank.
std::string output_note(const char* stream, std::string_view tail);

}  // namespace perfmatrix::python
