#pragma once
// Case ids name a case across runs (resuming, comparing results), so they depend only on what
// the case is, never on where it sits in the file.

#include "workers/case.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace perfmatrix {

// "<benchmark>/<first 10 hex digits of sha-256 of K>", where K is the benchmark name followed,
// for each axis (name, value) pair sorted by axis name, by "\0name=value". Sorting makes the id
// independent of the order axes are declared in as well as of the order of values.
std::string make_case_id(std::string_view benchmark, const std::vector<AxisValue>& axes);

}  // namespace perfmatrix
