#pragma once
// The category each harness workload declares (its module's CATEGORY in python/workloads/), known
// before any case runs, so that `--category memory` can select Python workloads in plan and run.
// The harness is the one owner of that fact: it is asked once per process (`harness.py --list`),
// not mirrored here.

#include <nlohmann/json.hpp>

#include <string>

namespace perfmatrix::python {

// The category of the case's `workload`, asking the harness with the case's interpreter (or,
// when that cannot run yet, e.g. an environment not prepared, python3 from PATH). "python", the
// kind's own, when no interpreter lists the workloads or the workload is not among them: the run
// then finds the real one, as before.
std::string planned_workload_category(const nlohmann::json& params);

}  // namespace perfmatrix::python
