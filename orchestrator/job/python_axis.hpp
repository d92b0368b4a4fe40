#pragma once
// A matrix axis named `python` written as a list holds interpreter specs ("3.12", "all", a
// path; orchestrator/interpreters/spec_resolution.hpp), resolved when the job is loaded, on the
// machine that plans. A case's axis value is the spec as written (a label for "all"), so ids
// stay stable across machines and patch releases; `{python}` becomes the interpreter's
// executable. A glob axis named `python` is not touched: its values are paths already.

#include "orchestrator/interpreters/interpreter_catalog.hpp"
#include "orchestrator/job/job.hpp"
#include "orchestrator/job/matrix.hpp"

#include <toml++/toml.h>

#include <string_view>
#include <vector>

namespace perfmatrix {

inline constexpr std::string_view kPythonAxis = "python";

// The axis from its list of specs; fails at the element that is not a string, names nothing
// found, names an unsupported interpreter, or names one an earlier element already did.
// Appends what each value resolved to.
Axis read_python_axis(const toml::array& array, InterpreterCatalog& interpreters,
                      std::vector<PythonAxisValue>& resolved);

// An include entry's `python` value that is not a value of the axis adds a case of its own:
// it is resolved as a spec naming one interpreter, and appended.
void resolve_include_python(const toml::table& entry, InterpreterCatalog& interpreters,
                            std::vector<PythonAxisValue>& resolved);

// The values placeholders see: each resolved python value replaced by its executable.
std::vector<AxisValue> placeholder_values(const std::vector<AxisValue>& axes,
                                          const std::vector<PythonAxisValue>& resolved);

}  // namespace perfmatrix
