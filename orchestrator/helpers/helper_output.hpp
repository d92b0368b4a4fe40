#pragma once
// What run_helper keeps of one output stream of a helper command: its last bytes (the text a
// probe parses, the reason a failure quotes) and, as they come, its lines (pip's output shown
// to a person, sbatch's answer). No processes here, so the rules are testable on fixed text.

#include <cstddef>
#include <deque>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace perfmatrix {

class OutputCollector {
public:
    // keep_bytes: how much of the stream's end tail() returns; keep_lines: how many of its
    // last lines lines() returns (0: none, and no line splitting unless on_line is set);
    // on_line: called with each line, without its newline or carriage returns.
    OutputCollector(std::size_t keep_bytes, std::size_t keep_lines,
                    std::function<void(std::string_view line)> on_line = {});

    void feed(std::string_view chunk);
    // The stream ended: an unterminated last line still counts as a line.
    void finish();

    // The last keep_bytes bytes, as written.
    std::string tail() const;
    // The last keep_lines lines, oldest first.
    std::vector<std::string> lines() const { return {lines_.begin(), lines_.end()}; }

private:
    void emit_line();

    std::size_t keep_bytes_;
    std::size_t keep_lines_;
    std::function<void(std::string_view)> on_line_;
    std::string tail_;  // up to 2 * keep_bytes_, trimmed in tail()
    std::string partial_;
    std::deque<std::string> lines_;
};

}  // namespace perfmatrix
