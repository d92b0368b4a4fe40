#pragma once
// Where a command's text goes: standard output, or a file named by -o.

#include <string>

namespace perfmatrix {

// Writes text to path, or to standard output when path is empty or "-". Throws
// std::runtime_error naming the file when it cannot be written.
void write_text_output(const std::string& text, const std::string& path);

}  // namespace perfmatrix
