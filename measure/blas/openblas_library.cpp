#include "measure/blas/openblas_library.hpp"

#include <dlfcn.h>
#include <link.h>

#include <climits>
#include <cstdlib>
#include <stdexcept>

namespace perfmatrix::blas {
namespace {

std::string last_dl_error() {
    const char* e = dlerror();
    return e ? e : "unknown dl error";
}

}  // namespace

template <typename F>
void OpenBlasLibrary::resolve(F& fn, const char* name) {
    dlerror();  // clear: a null symbol is told from an error only by dlerror()
    void* symbol = dlsym(handle_, name);
    if (!symbol) throw std::runtime_error("OpenBLAS library lacks " + std::string(name) + ": " + last_dl_error());
    fn = reinterpret_cast<F>(symbol);
}

OpenBlasLibrary::OpenBlasLibrary(const std::string& library) {
    // RTLD_LOCAL: its symbols must not satisfy anything else loaded later in this process.
    handle_ = dlopen(library.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle_) throw std::runtime_error("cannot load BLAS library '" + library + "': " + last_dl_error());
    try {
        resolve(sgemm, "cblas_sgemm");
        resolve(dgemm, "cblas_dgemm");
        resolve(sgemv, "cblas_sgemv");
        resolve(dgemv, "cblas_dgemv");
        resolve(sdot, "cblas_sdot");
        resolve(ddot, "cblas_ddot");
        resolve(saxpy, "cblas_saxpy");
        resolve(daxpy, "cblas_daxpy");
        resolve(set_num_threads, "openblas_set_num_threads");
        resolve(get_num_threads, "openblas_get_num_threads");
        resolve(get_config, "openblas_get_config");
        resolve(get_corename, "openblas_get_corename");
        resolve(get_parallel, "openblas_get_parallel");
    } catch (...) {
        dlclose(handle_);
        throw;
    }
}

OpenBlasLibrary::~OpenBlasLibrary() { dlclose(handle_); }

std::string OpenBlasLibrary::resolved_path() const {
    link_map* map = nullptr;
    if (dlinfo(handle_, RTLD_DI_LINKMAP, &map) != 0 || !map || !map->l_name) return {};
    char real[PATH_MAX];
    if (realpath(map->l_name, real)) return real;
    return map->l_name;
}

}  // namespace perfmatrix::blas
