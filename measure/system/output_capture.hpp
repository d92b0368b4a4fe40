#pragma once
// What the parent keeps of a child's output: a bounded tail (for failure reasons) and, for
// stdout, line splitting to spot the ready line.

#include <cstddef>
#include <regex>
#include <string>
#include <string_view>

namespace perfmatrix {

// Keeps the last `limit` bytes written. Memory stays within 2 * limit whatever the volume.
class TailBuffer {
public:
    explicit TailBuffer(std::size_t limit) : limit_(limit) {}
    void append(std::string_view data);
    std::string tail() const;
    std::size_t total_bytes() const { return total_; }

private:
    std::size_t limit_;
    std::size_t total_ = 0;
    std::string buffer_;
};

// Finds the first stdout line matching a pattern. Only the first kMaxLineBytes of a line are
// matched: libstdc++'s regex recurses per character and can overflow the stack on huge lines.
// Matching `^a*b` against 8192 bytes took 2-4 MiB of stack (-O2; over 8 MiB under ASan, whose
// frames are larger): a 2 MiB stack or an ASan build crashed. 1024 bytes take an eighth of that.
class LineMatcher {
public:
    static constexpr std::size_t kMaxLineBytes = 1024;
    explicit LineMatcher(const std::regex& pattern) : pattern_(pattern) {}
    // True when a complete line in `data` (with what came before) matches; later calls
    // return false again once a match has been reported.
    bool feed(std::string_view data);
    // The final unterminated line counts as a line once the stream has ended.
    bool finish();
    bool matched() const { return matched_; }

private:
    bool match_line();

    const std::regex& pattern_;
    std::string line_;
    bool matched_ = false;
};

}  // namespace perfmatrix
