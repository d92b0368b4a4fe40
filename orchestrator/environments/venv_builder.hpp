#pragma once
// Making one environment of the cache: `<interpreter> -m venv`, then `pip install` of the
// requirements, then the manifest. Everything happens in a temporary directory beside the final
// one, renamed into place only when complete (ok or failed), so a prepare killed at any moment
// never leaves an environment that looks ready; a later prepare removes what a dead one left.
//
// pip is not upgraded first unless asked (`upgrade_pip`): the pip that each interpreter's
// ensurepip bundles (22.0 for 3.7, 23.x for 3.8-3.12, 24.2 for 3.13) installs today's
// manylinux wheels, an upgrade would need the index (so it fails with --no-index) and would make
// the environment depend on the day it was made; the pip used is recorded in the manifest.
// Python 3.6's bundled pip 18.1 predates manylinux2014 wheels and builds from source instead:
// there, `--upgrade-pip` helps.

#include "orchestrator/environments/env_manifest.hpp"
#include "orchestrator/environments/env_spec.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace perfmatrix {

struct PipOptions {
    std::vector<std::string> find_links;  // pip --find-links: directories (or URLs) of packages
    bool no_index = false;                // pip --no-index: only find_links (offline)
    bool upgrade_pip = false;             // pip install --upgrade pip before the requirements
    double timeout = 3600;                // seconds per environment, venv and pip together
};

// The options that say where pip takes packages from, as pip gets them and the manifest keeps
// them: "--no-index", "--find-links=DIR" (directories made absolute).
std::vector<std::string> pip_source_options(const PipOptions& options);

struct BuildHooks {
    std::function<void(std::string_view line)> on_line;  // every command run ("$ ...") and its output
    std::function<bool()> should_stop;                   // true: stop, remove what was built
};

// Makes the environment for `spec` in `cache` (created if needed), replacing one that is there,
// and returns its manifest: ok with the installed packages, or failed with the reason (pip's
// words, or why the venv could not be made). nullopt when stopped: nothing is left behind.
// Throws std::runtime_error (or std::filesystem::filesystem_error) when the cache cannot be
// written.
std::optional<EnvManifest> build_env(const std::string& cache, const EnvSpec& spec, const PipOptions& options,
                                     const BuildHooks& hooks);

}  // namespace perfmatrix
