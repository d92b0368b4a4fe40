#pragma once
// The category a case counts in when comparison summaries average speed-ups: startup, memory,
// compute, async, or what a Python workload declares. The results file says it (`cases`
// column `category`, written from the kind's declaration or the runner's own statement); a
// record built by hand gets the same answer from category_of() (measure/kind_registry.hpp). A kind this
// build does not know is its own category, so it is never silently averaged into another.

#include "measure/model/records.hpp"

#include <string>

namespace perfmatrix {

std::string case_category(const CaseRecord& c);

}  // namespace perfmatrix
