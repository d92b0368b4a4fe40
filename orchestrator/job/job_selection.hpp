#pragma once
// A selection (selection.hpp) applied to a loaded job, before it is planned or run.

#include "orchestrator/job/job.hpp"
#include "orchestrator/job/selection.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace perfmatrix {

// The category a case will be counted in, known before it runs: its kind's, or what the kind
// finds from its parameters (a Python workload's module declares its own).
std::string planned_category(const Case& c);

// A case as the selection `s` matches it (its category found only when `s` asks for one).
CaseKey selection_key(const Case& c, const Selection& s);

// Keeps the selected cases, and the benchmarks that still have some (with their case counts);
// a job loaded without requiring prepared environments forgets those only left-out cases need.
// Throws std::invalid_argument (exit 2) when nothing is selected.
void keep_selected(Job& job, const Selection& s);

// The benchmarks' part of keep_selected, for cases selected as they were loaded (CaseSink):
// `selected` counts each benchmark's selected cases, in job.benchmarks' order, and
// `any_needs_prepare` says whether one of them waits for `perfmatrix prepare`.
void keep_counted(Job& job, const std::vector<std::size_t>& selected, bool any_needs_prepare);

}  // namespace perfmatrix
