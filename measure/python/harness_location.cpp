#include "measure/python/harness_location.hpp"

#include <fmt/format.h>

#include <unistd.h>

#include <exception>

namespace perfmatrix::python {

HarnessLocation find_harness() {
    ResourceLocation where;
    try {
        where = locate(Resource::python_harness);
    } catch (const std::exception& e) {
        return {{}, fmt::format("{}; set {} to the path of harness.py", e.what(), kHarnessVariable)};
    }
    const std::string path = where.path.string();
    if (::access(path.c_str(), R_OK) == 0) return {path, {}};
    return {{},
            fmt::format("Python harness not found: {} (from {}); set {} to the path of harness.py", path, where.origin,
                        kHarnessVariable)};
}

}  // namespace perfmatrix::python
