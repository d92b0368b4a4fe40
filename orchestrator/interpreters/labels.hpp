#pragma once
// Labels: the short name of each interpreter in job files, plans and reports.
//
// The label is the version ("3.12.1"), with "t" for a free-threaded and "d" for a debug build
// ("3.13.0t"); PyPy is "pypy<language version>-<PyPy version>" ("pypy3.9-7.3.11"). When
// several interpreters share one, the preferred one (see preference_rank) keeps it and each
// other gets "@<directory of its executable>" ("3.11.2@/usr/bin"), so adding a less
// preferred copy never renames the ones already there.

#include "orchestrator/interpreters/interpreter.hpp"

#include <string>
#include <tuple>
#include <vector>

namespace perfmatrix {

// The label before disambiguation.
std::string base_label(const InterpreterBuild& build);

// Lower is preferred: pyenv, PATH, system, explicit; within one source, an interpreter before
// a venv made from one.
std::tuple<int, bool> preference_rank(const Interpreter& interpreter);

// Sets the label of every interpreter that probed fine (broken ones get none), unique among
// them.
void assign_labels(std::vector<Interpreter>& interpreters);

}  // namespace perfmatrix
