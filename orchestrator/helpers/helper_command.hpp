#pragma once
// Helper commands: the programs the orchestrator runs for what they do rather than to measure
// them — an interpreter asked what it is, `python -m venv` and pip for `perfmatrix prepare`,
// sbatch and `srun --mpi=list` for `perfmatrix submit`, the matplotlib script of `perfmatrix
// plot`. Built on Boost.Process with Boost.Asio pipes (helper_command.cpp says how it starts
// them). Measured children never come here: measure/system/process.hpp starts those with posix_spawn,
// and nothing here is timed precisely.
//
// Every helper: an argv array, never a shell; stdin from /dev/null; its own process group, with
// default signal dispositions and an empty signal mask whatever this process set (MPI and
// orchestrator/run/signals.cpp block or catch some); no descriptor of this process but 0-2. A
// timeout or a stop request kills its whole group; so does its own exit (whatever it left
// running in its group goes too). A grandchild that left the group and holds the pipe open
// does not hold the command: the helper's exit ends it.

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace perfmatrix {

struct HelperCommand {
    // argv[0] with a '/' is run as is, else looked up in this process's PATH; the child sees
    // argv[0] as given.
    std::vector<std::string> argv;
    // Variables set for the child on top of this process's environment.
    std::vector<std::pair<std::string, std::string>> env;
    double timeout = 0;                 // seconds from the start; <= 0: none
    std::function<bool()> should_stop;  // polled about every 100 ms; true kills the group

    // Merged: stderr goes into stdout's pipe, so the lines of both arrive in the order the
    // helper wrote them (what a person watching pip wants); HelperRun::stderr_tail stays empty.
    bool merge_stderr = false;
    // Each line of stdout (merged: of both), as it comes, without its newline.
    std::function<void(std::string_view line)> on_line;
    std::size_t keep_lines = 200;        // how many last lines of stdout HelperRun::last_lines keeps
    std::size_t keep_bytes = 64 * 1024;  // how much of each stream's end the tails keep
};

struct HelperRun {
    enum class End { exited, signaled, timed_out, stopped, spawn_failed };
    End end = End::spawn_failed;
    int exit_code = -1;                    // when exited
    int signal = 0;                        // when signaled
    std::string spawn_error;               // when spawn_failed: "cannot execute 'x': No such file or directory"
    std::vector<std::string> last_lines;   // stdout's (merged: both streams') last keep_lines lines
    std::string stdout_tail, stderr_tail;  // the last keep_bytes of each

    bool ok() const { return end == End::exited && exit_code == 0; }
    // "" when ok; "exited with code 1", "killed by signal 9 (Killed)", "no end within 1800 s
    // (killed)", "interrupted", or spawn_error.
    std::string failure(double timeout) const;
};

// Runs the helper to its end. Throws std::system_error only when this process cannot work (no
// pipe, no descriptor, the child reaped by someone else); a helper that cannot be started comes
// back as End::spawn_failed.
HelperRun run_helper(const HelperCommand& command);

}  // namespace perfmatrix
