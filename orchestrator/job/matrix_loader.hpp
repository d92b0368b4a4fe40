#pragma once
// Reads a benchmark's `matrix` table into a MatrixSpec, checking it as it goes: axis names,
// value types, empty axes, duplicate values, globs that match nothing, exclude keys.

#include "orchestrator/job/job.hpp"
#include "orchestrator/job/matrix.hpp"

#include <toml++/toml.h>

#include <string_view>
#include <vector>

namespace perfmatrix {

struct LoadedMatrix {
    MatrixSpec spec;
    std::vector<const toml::node*> include_nodes;  // one per include entry, to point errors at
    std::vector<PythonAxisValue> python;           // a `python` axis of interpreter specs, resolved (python_axis.hpp)
};

// matrix may be null (no matrix: one case without axes).
LoadedMatrix load_matrix(const toml::node* matrix, std::string_view benchmark, InterpreterCatalog& interpreters);

}  // namespace perfmatrix
