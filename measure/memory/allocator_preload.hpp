#pragma once
// Which malloc a case needs, and which one this process really has.
//
// jemalloc and tcmalloc replace malloc by being preloaded (LD_PRELOAD): perfmatrix-measure
// asks the kind's preload hook (preload_for() here) before running a case and, when it names a library the environment
// does not preload yet, re-executes itself with it. The runner then checks active_allocator(), so a missing library
// (ld.so only warns and goes on with glibc) fails the case instead of silently measuring glibc.

#include "measure/model/case.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace perfmatrix {

// The library to preload for this case (a soname, found the way ld.so finds libraries), or
// nullopt when it needs none.
std::optional<std::string> preload_for(const Case& c);

namespace memory {

// "glibc", "jemalloc", "tcmalloc", or the file that defines malloc when none of those.
std::string active_allocator();

// The soname preloaded for an allocator name; empty for glibc.
std::string allocator_library(std::string_view allocator);

}  // namespace memory
}  // namespace perfmatrix
