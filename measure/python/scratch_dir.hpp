#pragma once
// A private directory for one case's files (pyperf's JSON output), removed with everything in
// it when the case is done, however it ends.

#include <filesystem>

namespace perfmatrix::python {

class ScratchDir {
public:
    // Under $TMPDIR (or /tmp). Throws std::system_error when it cannot be made.
    ScratchDir();
    ~ScratchDir();
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;

    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

}  // namespace perfmatrix::python
