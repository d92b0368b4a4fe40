#pragma once
// Deterministic content for results tests: case i always has the same fields, axes and
// samples, so a test can check a case read back from a file written by another process.

#include "measure/model/records.hpp"

#include <string>

namespace perfmatrix::test {

RunMeta fixture_meta();
InvocationRecord fixture_invocation();
RankRecord fixture_rank(int rank);
std::string fixture_case_id(int i);
// Every third case failed (with a reason and fewer samples); the rest are ok. Case i has
// 0-2 environment entries and 0-3 components (two samples each), so empty and non-empty
// ranges of case_environment and components alternate.
CaseRecord fixture_case(int i, int samples);

}  // namespace perfmatrix::test
