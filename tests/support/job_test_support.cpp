#include "tests/support/job_test_support.hpp"

#include <gtest/gtest.h>

#include <stdlib.h>

#include <fstream>
#include <stdexcept>

namespace perfmatrix::test {

std::string job_text(std::string_view raw) {
    if (!raw.empty() && raw.front() == '\n') raw.remove_prefix(1);
    return std::string(raw);
}

JobError job_error(std::string_view raw) {
    try {
        parse_job(job_text(raw), "job.toml");
    } catch (const JobError& e) {
        return e;
    }
    ADD_FAILURE() << "expected a JobError for:\n" << job_text(raw);
    return JobError("", -1, -1, "no error");
}

Job parse(std::string_view raw) { return parse_job(job_text(raw), "job.toml"); }

TempDir::TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "perfmatrix-job-test-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
}

TempDir::~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
}

std::filesystem::path TempDir::touch(const std::string& relative) const {
    const auto file = path_ / relative;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file).put('\n');
    return file;
}

ScopedEnv::ScopedEnv(std::string name, const std::string& value) : name_(std::move(name)) {
    if (const char* old = ::getenv(name_.c_str())) old_ = old;
    ::setenv(name_.c_str(), value.c_str(), 1);
}

ScopedEnv::~ScopedEnv() {
    if (old_) {
        ::setenv(name_.c_str(), old_->c_str(), 1);
    } else {
        ::unsetenv(name_.c_str());
    }
}

}  // namespace perfmatrix::test
