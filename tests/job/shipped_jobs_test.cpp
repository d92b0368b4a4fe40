// Every job file shipped in jobs/ loads: users start from them, so they must stay valid as
// kinds and the format evolve.

#include "orchestrator/job/job.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace perfmatrix {
namespace {

TEST(ShippedJobs, EveryJobFileInJobsLoads) {
    const std::filesystem::path dir = std::filesystem::path(PERFMATRIX_SOURCE_DIR) / "jobs";
    int loaded = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().extension() != ".toml") continue;
        try {
            // Python environments (`requirements`) are made by `perfmatrix prepare`, with network:
            // a job needing them must load without them.
            const Job job = load_job(entry.path(), EnvOptions{"", false});
            EXPECT_FALSE(job.cases.empty()) << entry.path();
            ++loaded;
        } catch (const JobError& e) {
            ADD_FAILURE() << e.what();
        }
    }
    EXPECT_GE(loaded, 2) << "jobs/ should hold quickstart.toml and reference.toml at least";
}

}  // namespace
}  // namespace perfmatrix
