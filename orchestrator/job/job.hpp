#pragma once
// Job files: a TOML file declaring benchmarks and their matrices, loaded into the flat list of
// cases the orchestrator schedules. Everything that can be wrong with a job is found here,
// before anything runs, and reported as a JobError at its place in the file.
// README.md, "Job files", describes the file format.

#include "orchestrator/job/job_error.hpp"
#include "workers/case.hpp"

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace perfmatrix {

struct BenchmarkInfo {
    std::string name;
    std::string kind;
    // Axis names of its cases: the declared axes in declaration order, then keys that only
    // `include` entries add, in the order they first appear.
    std::vector<std::string> axes;
    std::size_t cases = 0;
};

struct Job {
    std::string path;  // as given to load_job, or parse_job's source_name
    std::string text;  // the file's full text, kept with the results
    std::string hash;  // sha-256 of text, lowercase hex
    std::string name;  // [job] name; defaults to the file name without its extension
    std::string description;
    std::vector<BenchmarkInfo> benchmarks;  // in file order
    std::vector<Case> cases;                // benchmark order, then matrix order
};

// Reads and loads a job file. Throws JobError; an unreadable file is reported at line 0,
// column 0.
Job load_job(const std::filesystem::path& file);

// Loads a job from text; source_name is used in locations and as Job::path.
Job parse_job(std::string_view text, const std::string& source_name);

}  // namespace perfmatrix
