#pragma once
// One child of a pyperf case, run to its end under a time limit, and what to say when it
// failed. Every child is killed with its process group when the case ends (ChildProcess).

#include "measure/model/runner.hpp"
#include "measure/model/sample.hpp"
#include "measure/system/process.hpp"

#include <optional>
#include <string>

namespace perfmatrix::python {

ProcessResult run_pyperf_child(const ProcessSpec& spec, double limit, const RunContext& ctx);

// The case's outcome when the child did not exit with code 0; nullopt when it did. `what`
// names the child in the reason ("the pyperf worker").
//   spawn failed: exec_failed when the interpreter cannot be run, error otherwise;
//   cancelled: interrupted;  past `limit` seconds: timeout;  a signal: signaled;
//   another exit code: nonzero_exit, with the child's error text.
std::optional<CaseOutcome> child_failure(const ProcessResult& r, const std::string& what, double limit);

// "; stderr: <tail>", or stdout's tail when stderr is blank: pyperf prints its own command
// line errors ("ERROR: --worker requires --loops=N") on stdout.
std::string error_text(const ProcessResult& r);

}  // namespace perfmatrix::python
