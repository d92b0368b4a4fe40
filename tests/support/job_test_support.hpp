#pragma once
// Helpers shared by the job tests: job text from raw strings, expected errors, temporary
// directories and environment variables that are restored afterwards.

#include "orchestrator/job/job.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace perfmatrix::test {

// Raw strings in tests start with a newline for readability; line 1 is the line after it.
std::string job_text(std::string_view raw);

// Parses raw (see job_text) as "job.toml" and returns the JobError it throws; fails the test
// when nothing is thrown.
JobError job_error(std::string_view raw);

// Parses raw (see job_text) as "job.toml".
Job parse(std::string_view raw);

// A fresh directory under the system temp dir, removed with everything in it.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    // Creates an empty file (and its parent directories) under the directory.
    std::filesystem::path touch(const std::string& relative) const;

private:
    std::filesystem::path path_;
};

// Sets an environment variable for the lifetime of the object.
class ScopedEnv {
public:
    ScopedEnv(std::string name, const std::string& value);
    ~ScopedEnv();
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    std::string name_;
    std::optional<std::string> old_;
};

}  // namespace perfmatrix::test
