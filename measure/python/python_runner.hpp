#pragma once
// Kind `python_workload`: runs one workload of python/harness.py under a chosen interpreter.
// The harness does the sampling inside the interpreter (warm-ups, loop calibration, samples,
// like pyperf) and reports on a pipe of its own, in the line protocol harness.py documents;
// this runner starts it, enforces the per-sample timeout, and maps what it said to the case's
// outcome (harness_outcome.hpp). Parameters: python_params.hpp; finding the harness:
// harness_location.hpp.

#include "measure/model/runner.hpp"

#include <memory>

namespace perfmatrix::python {

std::unique_ptr<Runner> make_python_runner();

}  // namespace perfmatrix::python
