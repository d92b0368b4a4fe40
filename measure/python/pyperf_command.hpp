#pragma once
// The command lines of kind pyperf's children, all run under the case's interpreter and
// environment: the pyperf worker itself, pyperf's loop calibration, and two helpers that ask
// the interpreter where a package lives and which benchmarks a script defines.

#include "measure/python/pyperf_params.hpp"
#include "measure/system/process.hpp"

#include <string>
#include <utility>
#include <vector>

namespace perfmatrix::python {

// What pyperf's Manager (pyperf/_manager.py worker_cmd) runs for one value process:
// python SCRIPT --worker --worker-task=N --values V --warmups W --loops L --min-time T
// --output OUT ARGS... (pyperf's options first, the script's after, as add_cmdline_args does).
std::vector<std::string> worker_argv(const PyperfParams& p, const std::string& script, long long task, long long loops,
                                     const std::string& output);

// pyperf's calibration process: the same with --calibrate-loops instead of --loops.
std::vector<std::string> calibration_argv(const PyperfParams& p, const std::string& script, long long task,
                                          const std::string& output);

// Writes to OUTPUT the JSON list of the benchmark names SCRIPT defines, in the order pyperf
// numbers them for --worker-task, without running any of them.
std::vector<std::string> task_list_argv(const PyperfParams& p, const std::string& script, const std::string& output);

// Prints the directory of `package` as the case's interpreter imports it.
std::vector<std::string> package_dir_argv(const PyperfParams& p);

// A child under the case's environment: inherit_env's variables, then env.
ProcessSpec pyperf_process(const PyperfParams& p, std::vector<std::string> argv);

// "python.argv" (joined with spaces, for the record only) and "python.env_inherited".
std::vector<std::pair<std::string, std::string>> command_record(const ProcessSpec& worker, const PyperfParams& p);

}  // namespace perfmatrix::python
