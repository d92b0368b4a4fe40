#pragma once
// Runs a long command (python -m venv, pip install) whose output a person should watch: its
// stdout and stderr merged, handed over line by line as they come, the last lines kept for
// the reason when it fails. A timeout or a stop request kills its whole process group. Not for
// measuring (workers/process.hpp is): nothing here is timed precisely.

#include "workers/child_environment.hpp"

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace perfmatrix {

struct StreamedCommand {
    std::vector<std::string> argv;  // argv[0] with a '/' is run as is, else looked up in PATH
    EnvironmentChanges env;
    double timeout = 0;  // seconds; <= 0: none
    std::function<void(std::string_view line)> on_line;  // each line, without its newline
    std::function<bool()> should_stop;                   // polled about every 100 ms
    std::size_t keep_lines = 200;                        // how many last lines StreamedRun keeps
};

struct StreamedRun {
    enum class End { exited, signaled, timed_out, stopped, spawn_failed };
    End end = End::spawn_failed;
    int exit_code = -1;  // when exited
    int signal = 0;      // when signaled
    std::string spawn_error;
    std::vector<std::string> last_lines;  // the last keep_lines lines of output

    bool ok() const { return end == End::exited && exit_code == 0; }
    // "exited with code 1", "killed by signal 9 (Killed)", "no end within 1800 s (killed)", ...
    std::string failure(double timeout) const;
};

// Throws std::system_error only when no pipe or process can be made at all.
StreamedRun run_streamed(const StreamedCommand& command);

}  // namespace perfmatrix
