#include "measure/torch/torch_threads.hpp"

#include <ATen/Parallel.h>
#include <dlfcn.h>
#include <fmt/format.h>

#include <memory>

namespace perfmatrix::torch_bench {
namespace {

struct DlClose {
    void operator()(void* handle) const { dlclose(handle); }
};
using LibraryHandle = std::unique_ptr<void, DlClose>;

// The OpenBLAS libtorch already loaded, if any: RTLD_NOLOAD never loads a second copy.
LibraryHandle loaded_openblas() { return LibraryHandle(dlopen("libopenblas.so.0", RTLD_LAZY | RTLD_NOLOAD)); }

template <class F>
F symbol(void* handle, const char* name) {
    return reinterpret_cast<F>(dlsym(handle, name));
}

struct BlasThreads {
    bool ok = true;
    std::string text;  // for the environment, or what went wrong
};

BlasThreads set_openblas_threads(int threads) {
    const auto blas = loaded_openblas();
    if (!blas) return {true, "not OpenBLAS (threads set through at::set_num_threads only)"};
    const auto set = symbol<void (*)(int)>(blas.get(), "openblas_set_num_threads");
    const auto get = symbol<int (*)()>(blas.get(), "openblas_get_num_threads");
    const auto config = symbol<char* (*)()>(blas.get(), "openblas_get_config");
    const auto core = symbol<char* (*)()>(blas.get(), "openblas_get_corename");
    if (!set || !get) return {true, "OpenBLAS without openblas_set_num_threads (threads not set)"};
    set(threads);
    if (const int got = get(); got != threads)
        return {false, fmt::format("asked OpenBLAS (under libtorch) for {} threads, it runs {}", threads, got)};
    return {true, fmt::format("{} ({}), threads={}", config ? config() : "OpenBLAS", core ? core() : "?", threads)};
}

}  // namespace

std::variant<ThreadSetting, std::string> set_torch_threads(int threads) {
    at::set_num_threads(threads);
    ThreadSetting s;
    s.intra_op = at::get_num_threads();
    s.interop = at::get_num_interop_threads();
    if (s.intra_op != threads)
        return fmt::format("asked libtorch for {} intra-op threads, it runs {}", threads, s.intra_op);
    auto blas = set_openblas_threads(threads);
    if (!blas.ok) return blas.text;
    s.blas = std::move(blas.text);
    return s;
}

}  // namespace perfmatrix::torch_bench
