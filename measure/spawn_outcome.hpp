#pragma once
// Turns one child's life (ProcessResult) into a spawn sample: its metrics, or the failure
// status and a reason a person can act on.

#include "measure/sampling.hpp"
#include "measure/spawn_params.hpp"
#include "measure/system/process.hpp"

namespace perfmatrix {

// Status rules, in order:
//   spawn failed: exec_failed when the program or cwd cannot be run, error otherwise;
//   cancelled: interrupted;  deadline: timeout;
//   killed by a signal: signaled, unless it is the teardown signal we sent (success);
//   exit code != expect_exit: nonzero_exit;
//   ready_pattern given but never matched: error ("exited ... before ready_pattern matched"),
//     since the metric the case exists for could not be measured.
SampleResult spawn_sample(const ProcessResult& r, const SpawnParams& params, double timeout);

}  // namespace perfmatrix
