#pragma once
// What rank 0 shows while a run goes on. On a terminal: one status line, redrawn, with
// cases done / running / left and an ETA. Otherwise (logs, CI, batch jobs): one line per
// finished case, so the output is greppable and never garbled by carriage returns. At
// thousands of cases a second the status line is redrawn at most every 100 ms, and lines are
// written by flush(), all at once, rather than one write each.

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <string>

namespace perfmatrix {

enum class ProgressMode { automatic, terminal, lines, none };

class Progress {
public:
    Progress(ProgressMode mode, std::size_t total, std::FILE* out = stderr);
    ~Progress();

    void started(std::size_t running);
    // One case is over; `label` names it, `status` is its status string. Shown by the next
    // flush() (or note()).
    void finished(const std::string& label, const std::string& status, double seconds, const std::string& where,
                  std::size_t running);
    // Writes the finished cases' lines; redraws a status line left behind, if it is due. Call
    // it after each group of finished cases, and now and then while nothing happens.
    void flush();
    void note(const std::string& line);  // a message that must not be drawn over

private:
    void draw(std::size_t running);
    void draw_if_due(std::size_t running);
    void clear_line();

    ProgressMode mode_;
    std::size_t total_;
    std::size_t done_ = 0;
    std::FILE* out_;
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
    std::chrono::steady_clock::time_point drawn_{};  // when the status line was last drawn
    std::size_t running_ = 0;                        // as last told
    bool stale_ = false;                             // the status line is behind
    std::string lines_;                              // written by flush()
};

ProgressMode parse_progress_mode(const std::string& s);

}  // namespace perfmatrix
