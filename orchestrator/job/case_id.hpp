#pragma once
// Case ids name a case across runs (resuming, comparing results), so they depend only on what
// the case is, never on where it sits in the file.

#include "measure/model/case.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace perfmatrix {

// "<benchmark>/<first 10 hex digits of sha-256 of K>", where K is the benchmark name followed,
// for each axis (name, value) pair sorted by axis name, by "\0name=value". Sorting makes the id
// independent of the order axes are declared in as well as of the order of values.
std::string make_case_id(std::string_view benchmark, const std::vector<AxisValue>& axes);

// The same with all 64 hex digits: the id of every case whose short id another, different case
// of its benchmark shares (unique_case_ids).
std::string make_long_case_id(std::string_view benchmark, const std::vector<AxisValue>& axes);

// One id per axes set, in order: the short id, except where different axes sets share a short
// id (40 bits collide for about 1 in 10^12 pairs, so a job of 10^6 cases has a fair chance of one);
// then all of them take the long id. Whether a case gets the long id depends only on the set of
// cases, never on their order. Equal axes sets get equal ids (the loader calls them duplicates).
std::vector<std::string> unique_case_ids(std::string_view benchmark,
                                         const std::vector<std::vector<AxisValue>>& axes_sets);

}  // namespace perfmatrix
