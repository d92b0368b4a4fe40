#pragma once
// LD_PRELOAD as perfmatrix-measure reads it before it re-executes itself with a library a case
// needs preloaded (Kind::preload).

#include <string_view>

namespace perfmatrix {

// Whether the LD_PRELOAD value (may be null) already names `library` (entries are separated
// by ':' or spaces; a path ending in /library counts).
bool preload_names(const char* ld_preload, std::string_view library);

}  // namespace perfmatrix
