#pragma once
// A fresh directory under the system temp dir for one test, removed with everything in it.
// The job tests and the interpreter tests each had their own copy of this class.

#include <sys/stat.h>

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <system_error>

namespace perfmatrix::test {

class TempDir {
public:
    TempDir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "perfmatrix-test-XXXXXX").string();
        if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
        path_ = pattern;
    }
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }

    // Creates a file holding `text` (and its parent directories) under the directory.
    std::filesystem::path write(const std::string& relative, const std::string& text) const {
        const auto file = path_ / relative;
        std::filesystem::create_directories(file.parent_path());
        std::ofstream(file) << text;
        return file;
    }
    // Creates a file holding one newline: something for a glob to find.
    std::filesystem::path touch(const std::string& relative) const { return write(relative, "\n"); }
    // Writes an executable file.
    std::filesystem::path script(const std::string& relative, const std::string& text) const {
        const auto file = write(relative, text);
        ::chmod(file.c_str(), 0755);
        return file;
    }

private:
    std::filesystem::path path_;
};

}  // namespace perfmatrix::test
