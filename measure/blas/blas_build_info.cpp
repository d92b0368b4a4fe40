#include "measure/blas/blas_build_info.hpp"

#include "measure/blas/openblas_library.hpp"

namespace perfmatrix::blas {
namespace {

std::string parallel_name(int mode) {
    switch (mode) {  // openblas_get_parallel(): OpenBLAS's own numbering
        case 0: return "sequential";
        case 1: return "pthreads";
        case 2: return "openmp";
    }
    return "unknown (" + std::to_string(mode) + ")";
}

}  // namespace

std::vector<std::pair<std::string, std::string>> blas_build_info(const std::string& library) {
    const OpenBlasLibrary blas(library);
    return {
        {"blas_library", blas.resolved_path()},
        {"openblas_config", blas.get_config()},
        {"openblas_corename", blas.get_corename()},
        {"openblas_parallel", parallel_name(blas.get_parallel())},
    };
}

}  // namespace perfmatrix::blas
