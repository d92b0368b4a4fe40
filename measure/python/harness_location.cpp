#include "measure/python/harness_location.hpp"

#include <fmt/format.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace perfmatrix::python {
namespace {

HarnessLocation readable(const std::string& path, const std::string& found_how) {
    if (::access(path.c_str(), R_OK) == 0) return {path, {}};
    return {{},
            fmt::format("Python harness not found: {} ({}); set {} to the path of harness.py", path, found_how,
                        kHarnessVariable)};
}

}  // namespace

HarnessLocation find_harness() {
    if (const char* override_path = std::getenv(kHarnessVariable); override_path && *override_path) {
        return readable(override_path, fmt::format("from {}", kHarnessVariable));
    }
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec) {
        return {{},
                fmt::format("cannot read /proc/self/exe to find the Python harness: {}; set {}", ec.message(),
                            kHarnessVariable)};
    }
    const auto path = (exe.parent_path() / ".." / "python" / "harness.py").lexically_normal();
    return readable(path.string(), "where the build copies python/, beside this executable's directory");
}

}  // namespace perfmatrix::python
