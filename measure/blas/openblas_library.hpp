#pragma once
// OpenBLAS, loaded with dlopen() only when a blas case runs.
//
// Why not link it: OpenBLAS's load-time constructor starts its thread pool and allocates
// buffers, and perfmatrix_measure is linked into every MPI rank and into the process that
// measures `spawn` cases, whose max_rss and idle CPU that would inflate. cblas.h is included
// for the prototypes only; no symbol of it is referenced directly.

#include <cblas.h>

#include <string>

namespace perfmatrix::blas {

class OpenBlasLibrary {
public:
    // Loads `library` (a file name searched like any dlopen, or a path) and resolves every
    // function below. Throws std::runtime_error with dlerror()'s words when either fails.
    explicit OpenBlasLibrary(const std::string& library);
    ~OpenBlasLibrary();
    OpenBlasLibrary(const OpenBlasLibrary&) = delete;
    OpenBlasLibrary& operator=(const OpenBlasLibrary&) = delete;

    // The file actually loaded, symlinks resolved (e.g. .../openblas-pthread/libopenblas.so.0).
    std::string resolved_path() const;

    decltype(&cblas_sgemm) sgemm = nullptr;
    decltype(&cblas_dgemm) dgemm = nullptr;
    decltype(&cblas_sgemv) sgemv = nullptr;
    decltype(&cblas_dgemv) dgemv = nullptr;
    decltype(&cblas_sdot) sdot = nullptr;
    decltype(&cblas_ddot) ddot = nullptr;
    decltype(&cblas_saxpy) saxpy = nullptr;
    decltype(&cblas_daxpy) daxpy = nullptr;
    decltype(&openblas_set_num_threads) set_num_threads = nullptr;
    decltype(&openblas_get_num_threads) get_num_threads = nullptr;
    decltype(&openblas_get_config) get_config = nullptr;
    decltype(&openblas_get_corename) get_corename = nullptr;
    decltype(&openblas_get_parallel) get_parallel = nullptr;

private:
    void* handle_ = nullptr;
    template <typename F>
    void resolve(F& fn, const char* name);
};

}  // namespace perfmatrix::blas
