#include "measure/system/ld_preload.hpp"

#include <algorithm>

namespace perfmatrix {

bool preload_names(const char* ld_preload, std::string_view library) {
    if (!ld_preload) return false;
    const std::string_view list = ld_preload;
    std::size_t start = 0;
    while (start <= list.size()) {
        const std::size_t end = std::min(list.find_first_of(": ", start), list.size());
        const std::string_view entry = list.substr(start, end - start);
        if (entry == library) return true;
        if (entry.size() > library.size() && entry.ends_with(library) &&
            entry[entry.size() - library.size() - 1] == '/') {
            return true;
        }
        start = end + 1;
    }
    return false;
}

}  // namespace perfmatrix
