#pragma once
// What OpenBLAS build a blas case measures, for the results file: results differ by build
// (kernel chosen for the CPU, threading model), so the lead records these per rank.

#include <string>
#include <utility>
#include <vector>

namespace perfmatrix::blas {

// Loads `library` for the duration of the call (see openblas_library.hpp) and returns
// {"blas_library", resolved path}, {"openblas_config", openblas_get_config()},
// {"openblas_corename", ...}, {"openblas_parallel", "sequential" | "pthreads" | "openmp"}.
// Throws std::runtime_error when the library cannot be loaded.
std::vector<std::pair<std::string, std::string>> blas_build_info(const std::string& library = "libopenblas.so.0");

}  // namespace perfmatrix::blas
