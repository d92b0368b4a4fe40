#pragma once
// Interpreter specs: how a job's `python = [...]` names interpreters, resolved against a
// catalog on the machine that plans.
//
//   "all"                 every supported interpreter found; values are their labels
//   "3.12", "3.12.1"      CPython of that version (a default build); "3.13t" free-threaded,
//                         "3.13d" debug. Several matches: the preferred source (pyenv, PATH,
//                         system, explicit), then the newest patch
//   "pypy3", "pypy3.9"    PyPy of that language version, chosen the same way
//   a label               "3.11.2@/usr/bin", "pypy3.9-7.3.11", as `perfmatrix interpreters` shows
//   "/abs/path", "~/path" that interpreter, probed (a shim resolves to its real executable)
//
// A spec naming one interpreter is kept as the axis value as written, so case ids stay the
// same when, say, 3.12.1 becomes 3.12.2. Unsupported interpreters (2.7) are an error when
// named, and left out by "all".

#include "orchestrator/interpreters/interpreter.hpp"
#include "orchestrator/interpreters/interpreter_catalog.hpp"

#include <string>
#include <vector>

namespace perfmatrix {

struct SpecMatch {
    std::string value;               // the case's axis value
    const Interpreter* interpreter;  // owned by the catalog
};

// matches, or else error: a message naming the spec and what was found (the caller adds
// where the spec is written).
struct SpecResolution {
    std::vector<SpecMatch> matches;
    std::string error;
};

SpecResolution resolve_python_spec(const std::string& spec, InterpreterCatalog& catalog);

}  // namespace perfmatrix
