#pragma once
// The category a case counts in when comparison summaries average speed-ups: startup,
// memory, compute, async, or what a Python workload declares.
//
// A runner may state it in the case environment ("category"); otherwise it follows the kind:
// spawn -> startup; blas_*, torch_*, cublas_* -> compute; memory_* -> memory; asio_* -> async;
// python_workload -> its environment's "workload.category", else "python". Any other kind
// is its own category, so a new kind is never silently averaged into an unrelated one.

#include "results/records.hpp"

#include <string>

namespace perfmatrix {

std::string case_category(const CaseRecord& c);

}  // namespace perfmatrix
