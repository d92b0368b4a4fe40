#pragma once
// Pairs of cases to compare: the same case in two results files (by case id), or, within one
// file, cases that differ only in the value of one axis (axis_matching.hpp).

#include "measure/model/records.hpp"

#include <vector>

namespace perfmatrix {

// Either side may be missing (null): a case only one file has, or no counterpart on the axis.
struct CasePair {
    const CaseRecord* base = nullptr;
    const CaseRecord* fresh = nullptr;  // "new" is a keyword
};

// The latest record of every case id of both files (a --resume's record supersedes an
// earlier one): the baseline's cases in report order (benchmark, then matrix order), each with
// the new file's case of the same id or none, then the new file's cases that the baseline
// lacks, in the new file's report order. Pointers refer into the two Results.
std::vector<CasePair> match_by_id(const Results& base, const Results& fresh);

}  // namespace perfmatrix
