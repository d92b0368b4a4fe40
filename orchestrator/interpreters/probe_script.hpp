#pragma once
// The Python code run in each interpreter to learn what it is, and the parsing of what it
// prints. Kept apart from running processes so the parsing rules are testable on fixed text.

#include "orchestrator/interpreters/interpreter.hpp"

#include <string>
#include <string_view>
#include <variant>

namespace perfmatrix {

// Prints one line "perfmatrix-probe {json}". Runs unchanged on Python 2.7 and 3.6+ (and
// PyPy): an unsupported interpreter must still say what it is.
const std::string& probe_source();

// The probe's result line in `stdout_text` (anything else printed around it, e.g. by a
// sitecustomize, is ignored). Returns the build, or why the text holds none.
std::variant<InterpreterBuild, std::string> parse_probe_output(std::string_view stdout_text);

// Prints "perfmatrix-import present VERSION", "perfmatrix-import absent" or
// "perfmatrix-import failed REASON" for `import <module>` (a valid Python identifier).
std::string import_check_source(std::string_view module);

// The module check `stdout_text` reports; State::failed with a reason when it reports none.
ModuleCheck parse_import_output(std::string_view stdout_text);

}  // namespace perfmatrix
