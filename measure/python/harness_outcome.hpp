#pragma once
// Turns one harness run (how the child ended, and what it said) into the case's outcome.

#include "measure/model/sample.hpp"
#include "measure/python/harness_session.hpp"
#include "measure/system/process.hpp"

#include <string>
#include <utility>
#include <vector>

namespace perfmatrix::python {

// Status rules, in order:
//   spawn failed: exec_failed when the interpreter cannot be run, error otherwise;
//   a protocol error: error "harness protocol error: line N: ..." (the harness was killed);
//   cancelled: interrupted;  no event in time: timeout;
//   'done': ok when the harness then exited with code 0, error otherwise;
//   'skip', 'wrong_result', 'error': skipped, wrong_result, error, with the harness's reason;
//   no terminal event: nonzero_exit or signaled per the exit, error after exit code 0.
// Every sample received is kept, whatever the status (the harness checks each one before it
// sends it). The child's max RSS (wait4) covers its whole life: interpreter start, imports,
// calibration and every sample; so it is one measured sample of metric max_rss (bytes),
// repetition 0, whenever a child ran — not a per-sample figure.
// `record` (the runner's own environment entries) comes first in outcome.environment; the
// harness's entries follow, except keys `record` already has.
CaseOutcome harness_outcome(const ProcessResult& r, HarnessSession& session,
                            std::vector<std::pair<std::string, std::string>> record, double timeout);

}  // namespace perfmatrix::python
