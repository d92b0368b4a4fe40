#pragma once
// The harness command line and the child's environment for one python_workload case, and what
// of them goes into the case's record.

#include "measure/model/case.hpp"
#include "measure/python/python_params.hpp"
#include "measure/system/process.hpp"

#include <string>
#include <utility>
#include <vector>

namespace perfmatrix::python {

struct HarnessCommand {
    ProcessSpec process;  // argv and a cleared environment; pass_fd is the caller's
    // "python.argv" (joined with spaces, for the record only), "python.hash_seed",
    // "python.env_inherited" (the names actually inherited).
    std::vector<std::pair<std::string, std::string>> record;
};

// python flags... harness --workload W --fd 3 --warmups .. --repetitions .. --min-time ..
// --max-repetitions .. --sample-time T [--loops L] [--expect K=V...] --param K=V...
std::vector<std::string> harness_argv(const PythonParams& p, const CaseSettings& s, const std::string& harness);

// Only inherit_env's variables, then env, then the runtime settings' (PYTHONMALLOC, PYTHON_JIT,
// LD_PRELOAD), then PYTHONHASHSEED (when the flags let it apply).
std::vector<std::pair<std::string, std::string>> harness_environment(const PythonParams& p);

HarnessCommand harness_command(const PythonParams& p, const CaseSettings& s, const std::string& harness);

}  // namespace perfmatrix::python
