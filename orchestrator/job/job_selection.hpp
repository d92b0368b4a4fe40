#pragma once
// A selection (selection.hpp) applied to a loaded job, before it is planned or run.

#include "orchestrator/job/job.hpp"
#include "orchestrator/job/selection.hpp"

#include <string>

namespace perfmatrix {

// The category a case will be counted in, known before it runs: its kind's, or what the kind
// finds from its parameters (a Python workload's module declares its own).
std::string planned_category(const Case& c);

// Keeps the selected cases, and the benchmarks that still have some (with their case counts);
// a job loaded without requiring prepared environments forgets those only left-out cases need.
// Throws std::invalid_argument (exit 2) when nothing is selected.
void keep_selected(Job& job, const Selection& s);

}  // namespace perfmatrix
