#include "measure/resource_paths.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <stdexcept>
#include <system_error>
#include <vector>

// packaging/CMakeLists.txt passes the install directories in, relative to the prefix, from the same
// variables its install() rules use, so the two cannot disagree.
#if !defined(PERFMATRIX_INSTALL_BINDIR) || !defined(PERFMATRIX_INSTALL_HELPERDIR) || \
    !defined(PERFMATRIX_INSTALL_MODULEDIR) || !defined(PERFMATRIX_INSTALL_DATADIR)
#error "packaging/CMakeLists.txt defines the PERFMATRIX_INSTALL_* directories for this file"
#endif

namespace perfmatrix {
namespace {

namespace fs = std::filesystem;

// Where the build puts each resource, under the build tree's root (see the header).
constexpr const char* kBuildPrograms = "orchestrator";
constexpr const char* kBuildHarness = "python/harness.py";
constexpr const char* kBuildPlotScript = "analysis/plot/perfmatrix_plots.py";

// Where the install puts the data files, under install_dirs().resources.
constexpr const char* kInstalledHarness = "python/harness.py";
constexpr const char* kInstalledPlotScript = "plot/perfmatrix_plots.py";

constexpr const char* kMeasureProgram = "perfmatrix-measure";

const char* resource_name(Resource r) {
    switch (r) {
        case Resource::measure_program: return "perfmatrix-measure";
        case Resource::runner_modules: return "the runner modules";
        case Resource::python_harness: return "the Python harness";
        default: return "the plot script";
    }
}

// `dir` without its trailing `tail` components, if it ends with them: /opt/pm/bin less bin is /opt/pm.
std::optional<fs::path> strip_tail(const fs::path& dir, const fs::path& tail) {
    const std::vector<fs::path> d(dir.begin(), dir.end()), t(tail.begin(), tail.end());
    if (t.empty() || t.size() >= d.size()) return std::nullopt;
    if (!std::equal(t.rbegin(), t.rend(), d.rbegin())) return std::nullopt;
    fs::path prefix;
    for (std::size_t i = 0; i < d.size() - t.size(); ++i) prefix /= d[i];
    return prefix;
}

}  // namespace

const InstallDirs& install_dirs() {
    static const InstallDirs dirs{PERFMATRIX_INSTALL_BINDIR, PERFMATRIX_INSTALL_HELPERDIR, PERFMATRIX_INSTALL_MODULEDIR,
                                  PERFMATRIX_INSTALL_DATADIR};
    return dirs;
}

fs::path ResourceLayout::path_of(Resource r) const {
    const InstallDirs& dirs = install_dirs();
    switch (r) {
        case Resource::measure_program:
            return root / (installed ? dirs.helpers : fs::path(kBuildPrograms)) / kMeasureProgram;
        case Resource::runner_modules: return root / (installed ? dirs.modules : fs::path(kBuildPrograms));
        case Resource::python_harness:
            return installed ? root / dirs.resources / kInstalledHarness : root / kBuildHarness;
        default: return installed ? root / dirs.resources / kInstalledPlotScript : root / kBuildPlotScript;
    }
}

std::string ResourceLayout::describe() const {
    return fmt::format("{} {}", installed ? "the installation under" : "the build tree", root.string());
}

ResourceLayout layout_of(const fs::path& executable) {
    const fs::path dir = executable.parent_path().lexically_normal();
    for (const fs::path& tail : {install_dirs().programs, install_dirs().helpers}) {
        if (auto prefix = strip_tail(dir, tail)) return {true, *prefix};
    }
    return {false, dir.parent_path()};
}

ResourceLocation locate(Resource r) {
    if (const char* variable = resource_variable(r)) {
        if (const char* value = std::getenv(variable); value && *value)
            return {value, true, fmt::format("${}", variable)};
    }
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec)
        throw std::runtime_error(
            fmt::format("cannot read /proc/self/exe to find {}: {}", resource_name(r), ec.message()));
    const ResourceLayout layout = layout_of(exe);
    return {layout.path_of(r), false, layout.describe()};
}

}  // namespace perfmatrix
