#include "measure/memory/allocator_preload.hpp"

#include <dlfcn.h>

#include <cstdlib>

namespace perfmatrix {

namespace memory {

std::string allocator_library(std::string_view allocator) {
    if (allocator == "jemalloc") return "libjemalloc.so.2";
    if (allocator == "tcmalloc") return "libtcmalloc.so.4";
    return {};
}

std::string active_allocator() {
    // The address malloc resolves to here is the interposed one when a library preloads it;
    // dladdr names the object that defines it.
    Dl_info info{};
    if (dladdr(reinterpret_cast<void*>(&std::malloc), &info) == 0 || !info.dli_fname) return "unknown";
    const std::string_view file = info.dli_fname;
    if (file.find("jemalloc") != std::string_view::npos) return "jemalloc";
    if (file.find("tcmalloc") != std::string_view::npos) return "tcmalloc";
    if (file.find("libc.so") != std::string_view::npos) return "glibc";
    return std::string(file);
}

}  // namespace memory

std::optional<std::string> preload_for(const Case& c) {
    if (c.kind != "memory_alloc" || !c.params.is_object()) return std::nullopt;
    const auto it = c.params.find("allocator");
    if (it == c.params.end() || !it->is_string()) return std::nullopt;
    auto library = memory::allocator_library(it->get<std::string>());
    if (library.empty()) return std::nullopt;
    return library;
}

}  // namespace perfmatrix
