// Every job file shipped in jobs/ loads: users start from them, so they must stay valid as
// kinds and the format evolve.

#include "orchestrator/interpreters/candidates.hpp"
#include "orchestrator/job/job.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <iostream>
#include <string>

namespace perfmatrix {
namespace {

namespace fs = std::filesystem;

// pyenv's builds come from no registry a fresh machine reaches, so jobs naming pyenv versions
// (3.10, 3.12, ...) can only load where pyenv is installed. Where it is, they must load.
bool pyenv_present() {
    const std::string root = DiscoveryOptions::from_environment().pyenv_root;
    std::error_code ec;
    return !root.empty() && fs::is_directory(fs::path(root) / "versions", ec) &&
           !fs::is_empty(fs::path(root) / "versions", ec);
}

bool names_a_missing_python(const JobError& e) {
    const std::string what = e.what();
    return what.find(": python '") != std::string::npos && what.find("' not found") != std::string::npos;
}

TEST(ShippedJobs, EveryJobFileInJobsLoads) {
    const fs::path dir = fs::path(PERFMATRIX_SOURCE_DIR) / "jobs";
    const bool pyenv = pyenv_present();
    int loaded = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.path().extension() != ".toml") continue;
        try {
            // Python environments (`requirements`) are made by `perfmatrix prepare`, with network:
            // a job needing them must load without them.
            const Job job = load_job(entry.path(), EnvOptions{"", false});
            EXPECT_FALSE(job.cases.empty()) << entry.path();
            ++loaded;
        } catch (const JobError& e) {
            if (!pyenv && names_a_missing_python(e)) {
                // Skipped, and said: only this job, only because its interpreter is missing. Not
                // gtest's "[  SKIPPED ]": ctest would then call the whole test skipped, even a
                // failing one.
                std::cout << "not loaded: " << entry.path().filename().string()
                          << " (no pyenv on this machine): " << e.what() << "\n";
                continue;
            }
            ADD_FAILURE() << e.what();
        }
    }
    EXPECT_GE(loaded, 2) << "jobs/ should hold quickstart.toml and reference.toml at least";
}

}  // namespace
}  // namespace perfmatrix
