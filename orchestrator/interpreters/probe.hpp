#pragma once
// Running a candidate interpreter to learn what it is: one short helper command
// (orchestrator/helpers: argv, no shell) with a timeout. A candidate that fails in any way
// (cannot be executed, exits nonzero, hangs, prints garbage) comes back broken, with the
// reason; nothing throws.

#include "orchestrator/interpreters/interpreter.hpp"

#include <string>
#include <string_view>

namespace perfmatrix {

struct ProbeOptions {
    double timeout = 10;  // seconds per child; a pyenv shim alone takes ~0.1 s
};

// Probes `path`. Fills build, executable (real file; a venv keeps its own), isolation_flags
// and shim, or problem. found_as is {path}; source and label are left to discovery.
Interpreter probe_interpreter(const std::string& path, const ProbeOptions& options);

// `import <module>` in an interpreter that probed fine, with its isolation flags.
ModuleCheck check_module(const Interpreter& interpreter, std::string_view module, double timeout);

// True when the file starts with "#!": a script that runs some other program (a pyenv shim),
// never an interpreter itself.
bool is_script(const std::string& path);

}  // namespace perfmatrix
