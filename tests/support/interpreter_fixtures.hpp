#pragma once
// Interpreters for tests without probing anything (labels, spec resolution, job files), and
// fake interpreters: shell scripts in a temp dir that answer the probe as the test says.

#include "orchestrator/interpreters/interpreter.hpp"
#include "tests/support/temp_dir.hpp"

#include <filesystem>
#include <string>

namespace perfmatrix::test {

// A probed-fine interpreter: "3.13.0" CPython; `flags` may hold 't' (free-threaded), 'd'
// (debug), 'v' (venv). "pypy3.9-7.3.11" makes a PyPy. found_as = {executable}; no label.
Interpreter interpreter(const std::string& version, InterpreterSource source, const std::string& executable,
                        const std::string& flags = "");

// The probe's result line a fake prints: CPython `version` ("3.11.2") at `executable` in
// `prefix`.
std::string probe_line(const std::string& version, const std::string& executable, const std::string& prefix);

// A /bin/sh script that prints probe_line(...) whatever it is asked.
std::string fake_interpreter(const std::string& version, const std::string& executable, const std::string& prefix);

}  // namespace perfmatrix::test
