#pragma once
// Runs a case in a perfmatrix-measure child process (measure/measure_main.cpp says why a rank
// does not measure in itself) and collects its outcome.

#include "measure/model/runner.hpp"

namespace perfmatrix {

// ctx.should_stop is polled every 10 ms; when it turns true the child is asked to cancel
// (SIGTERM: it kills what it runs) and, failing that within a grace period, killed.
CaseOutcome measure_in_child(const Case& c, const RunContext& ctx);

}  // namespace perfmatrix
