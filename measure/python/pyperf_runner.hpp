#pragma once
// Kind `pyperf`: one pyperf worker process of a pyperf script (pyperformance's
// bm_*/run_benchmark.py, or any script that uses pyperf.Runner) per case invocation, so each
// perfmatrix round is one pyperf worker process, as each of pyperf's own processes is.
//
// perfmatrix takes the place of pyperf's Manager (pyperf/_manager.py) and never runs it:
//   1. with `package`, the interpreter says where the package lives (script is inside it);
//   2. with `benchmark`, the script's benchmarks are listed, without running them, to find
//      the --worker-task number pyperf gives that name (pyperf_command.hpp);
//   3. with loops = 0, a `--worker --calibrate-loops` process finds the loops, as pyperf's
//      Manager does in its first process before every value process gets `--loops N`;
//   4. the worker: `python SCRIPT --worker --worker-task=N --values V --warmups W --loops L
//      --output FILE`, whose JSON becomes the case's samples and `pyperf.*` environment.
// Each child runs with a cleaned environment (inherit_env, env), under a time limit of the
// case's timeout per value (warm-ups included) plus one for start-up; a failing child ends the
// case with its status and its error text.

#include "measure/model/runner.hpp"

#include <memory>

namespace perfmatrix::python {

std::unique_ptr<Runner> make_pyperf_runner();

}  // namespace perfmatrix::python
