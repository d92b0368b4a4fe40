#pragma once
// Where perfmatrix's run-time resources are: perfmatrix-measure, the runner modules, the Python
// harness and the plot script. Every program that needs one asks here, and finds it relative to its
// own executable (/proc/self/exe), so a build tree and an installed tree both work from any
// directory, and an installed tree needs neither the source nor the build tree (docs/install.md).
//
// The two layouts:
//  - the build tree: perfmatrix, perfmatrix-measure and the modules in <build>/orchestrator/, the
//    harness copied to <build>/python/ (measure/python/CMakeLists.txt), the plot script to
//    <build>/analysis/plot/ (analysis/CMakeLists.txt);
//  - an installed prefix P (packaging/CMakeLists.txt): P/bin/perfmatrix,
//    P/libexec/perfmatrix/perfmatrix-measure, the modules in P/lib/perfmatrix/, the rest in
//    P/share/perfmatrix/ (with GNUInstallDirs' names as configured; install_dirs() has them).
// An executable whose directory is P/bin or P/libexec/perfmatrix is installed under P; any other is
// in a build tree whose root is its directory's parent (the programs sit one folder down).
// A resource's environment variable, where it has one, overrides both.

#include <filesystem>
#include <string>

namespace perfmatrix {

enum class Resource {
    measure_program,  // perfmatrix-measure, the process every case runs in
    runner_modules,   // the directory of libperfmatrix-torch.so, libperfmatrix-cuda.so
    python_harness,   // harness.py (its harness_core/ and workloads/ beside it)
    plot_script,      // perfmatrix_plots.py
};

// The environment variable that overrides where `r` is, or nullptr where none does.
constexpr const char* resource_variable(Resource r) {
    switch (r) {
        case Resource::runner_modules: return "PERFMATRIX_MODULE_DIR";
        case Resource::python_harness: return "PERFMATRIX_HARNESS";
        case Resource::plot_script: return "PERFMATRIX_PLOTS_SCRIPT";
        default: return nullptr;
    }
}

// The installed layout's directories, relative to the prefix, as this build was configured.
struct InstallDirs {
    std::filesystem::path programs;   // bin
    std::filesystem::path helpers;    // libexec/perfmatrix: perfmatrix-measure
    std::filesystem::path modules;    // lib/perfmatrix: the runner modules
    std::filesystem::path resources;  // share/perfmatrix: python/, plot/, jobs/, slurm/
};
const InstallDirs& install_dirs();

struct ResourceLayout {
    bool installed = false;
    std::filesystem::path root;  // the install prefix, or the build tree's root

    std::filesystem::path path_of(Resource r) const;
    // For messages: "the installation under /opt/pm", "the build tree /work/build".
    std::string describe() const;
};

// The layout that an executable at `executable` (absolute, symlinks resolved) belongs to.
ResourceLayout layout_of(const std::filesystem::path& executable);

struct ResourceLocation {
    std::filesystem::path path;
    bool from_variable = false;
    std::string origin;  // for messages, after "from": "$PERFMATRIX_HARNESS" or the layout's description
};

// Where `r` is for this process: its variable's value when set and not empty, else its place in
// the layout of this executable. Throws std::runtime_error when /proc/self/exe cannot be read.
ResourceLocation locate(Resource r);

}  // namespace perfmatrix
