#pragma once
// Kind `python_workload`: runs one workload of python/harness.py under a chosen interpreter.
// The harness does the sampling inside the interpreter (warm-ups, loop calibration, samples,
// like pyperf) and reports on a pipe of its own, in the line protocol harness.py documents;
// this runner starts it, enforces the per-sample timeout, and maps what it said to the case's
// outcome (harness_outcome.hpp). Parameters: python_params.hpp; finding the harness:
// harness_location.hpp.

#include "workers/model/runner.hpp"

namespace perfmatrix::python {

class PythonRunner final : public Runner {
public:
    CaseOutcome run(const Case& c, const RunContext& ctx) override;
};

}  // namespace perfmatrix::python
