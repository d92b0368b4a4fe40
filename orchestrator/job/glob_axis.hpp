#pragma once
// Axis values from files that exist, e.g. every installed interpreter.

#include <string>
#include <vector>

namespace perfmatrix {

// Expands each pattern with glob(3) (GLOB_TILDE | GLOB_BRACE; no shell involved). Each
// pattern's matches are sorted in version order (strverscmp: python3.9 before python3.10),
// patterns keep their order, later duplicates are dropped, and a pattern matching nothing
// contributes nothing.
std::vector<std::string> expand_globs(const std::vector<std::string>& patterns);

}  // namespace perfmatrix
