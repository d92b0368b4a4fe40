#pragma once
// A directory standing in for "/" (its proc/ and sys/ written by the test), removed afterwards.

#include <gtest/gtest.h>

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>

namespace perfmatrix::test {

class FakeRoot {
public:
    FakeRoot() {
        static std::atomic<int> counter{0};
        path_ = std::filesystem::temp_directory_path() /
                ("perfmatrix-fake-root-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
        std::filesystem::remove_all(path_);
        std::filesystem::create_directories(path_);
    }
    ~FakeRoot() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    FakeRoot(const FakeRoot&) = delete;
    FakeRoot& operator=(const FakeRoot&) = delete;

    // Writes `text` to root/relative, making the directories it needs.
    void write(const std::string& relative, const std::string& text) const {
        const auto file = path_ / relative;
        std::filesystem::create_directories(file.parent_path());
        std::ofstream(file) << text;
    }
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

}  // namespace perfmatrix::test
