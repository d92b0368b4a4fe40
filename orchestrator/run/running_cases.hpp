#pragma once
// The cases a live `perfmatrix run` has in flight, for `perfmatrix status`. The results file
// only holds committed cases (a case row is written last, as its commit mark), and HDF5's SWMR
// mode allows no new objects or attribute changes while writing, so rank 0 keeps them in a
// small JSON file beside the results, `<results>.running`: rewritten whole (a temporary file
// renamed over it, so a reader never sees half of one) whenever the set changes, removed when
// the run ends. A run killed with -9 leaves it behind; status trusts it only while the results
// file has a live writer.

#include <filesystem>
#include <string>
#include <vector>

namespace perfmatrix {

struct RunningCase {
    std::string case_id;
    std::string benchmark;
    int rank = -1;
    double started = 0;  // unix seconds
    int round = 0;
};

std::filesystem::path running_file_of(const std::filesystem::path& results);

// Owns `<results>.running` for one run: write() replaces it; the destructor removes it.
class RunningCasesFile {
public:
    explicit RunningCasesFile(std::filesystem::path results);
    ~RunningCasesFile();
    RunningCasesFile(const RunningCasesFile&) = delete;
    RunningCasesFile& operator=(const RunningCasesFile&) = delete;

    // Best effort: progress reporting must never stop a run, so a failure to write is ignored.
    void write(const std::vector<RunningCase>& cases) const;

private:
    std::filesystem::path path_;
};

// What `<results>.running` lists; empty when it is absent or unreadable.
std::vector<RunningCase> read_running_cases(const std::filesystem::path& results);

}  // namespace perfmatrix
