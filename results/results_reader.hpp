#pragma once
// Reads a results file back into records (schema: docs/results.md).

#include "measure/model/records.hpp"

#include <filesystem>
#include <string>

namespace perfmatrix {

// Committed cases only (orphan rows of a crashed writer are left out), with their axes,
// samples, environment and components, in commit order. A file of another schema version is
// refused. A file whose writer was killed is recovered first (its HDF5 status
// flags cleared, which needs write permission); a file being written right now is read as far
// as it is committed. *note (when not null) gets one line saying either, or "".
// Throws std::runtime_error naming the file when it cannot be read.
Results read_results(const std::filesystem::path& file, std::string* note);

}  // namespace perfmatrix
