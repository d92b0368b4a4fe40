#pragma once
// Finding this machine's Python interpreters: list candidates (candidates.hpp), probe them all
// at once (a thread each: most of the time is interpreter start-up, not CPU), merge the ones
// that are the same interpreter, sort, label, and optionally check numpy and torch.

#include "orchestrator/interpreters/candidates.hpp"
#include "orchestrator/interpreters/interpreter.hpp"

#include <string>
#include <vector>

namespace perfmatrix {

// Every interpreter found, each once: those that probed fine sorted by implementation
// (CPython, then PyPy), version and build, labelled; then the broken ones in search order,
// each with its reason. Never throws for a bad candidate.
std::vector<Interpreter> discover_interpreters(const DiscoveryOptions& options);

// The steps, for tests and for probing explicit paths alone.

// Where the interpreter lives (see InterpreterSource): under the pyenv root, in a system
// directory, or else wherever the listing that found it looked.
InterpreterSource classify_source(const std::string& executable, InterpreterSource listed_by,
                                  const DiscoveryOptions& options);

// Merges interpreters that are one: the same executable, or the same implementation, version
// and build in the same prefix (python3 and python3.11 links, a venv's python and python3).
// The first keeps its place and gains the others' found_as. Broken ones are kept as they are.
std::vector<Interpreter> merge_duplicates(std::vector<Interpreter> probed);

// The order discover_interpreters returns.
void sort_interpreters(std::vector<Interpreter>& interpreters);

// numpy and torch checks for every interpreter that probed fine, all at once.
void check_imports(std::vector<Interpreter>& interpreters, double timeout);

}  // namespace perfmatrix
