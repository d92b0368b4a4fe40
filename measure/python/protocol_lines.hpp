#pragma once
// Splits the harness's protocol stream into lines. A line may not grow past a cap: a harness
// gone wrong (or a workload writing to the protocol descriptor) must not make the measurer
// hold unbounded memory.

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace perfmatrix::python {

// The harness broke the protocol; `message` says how (the session adds the line number).
struct ProtocolError {
    std::string message;
};

class ProtocolLines {
public:
    // A hello with every package's version is a few KiB; a sample, well under one.
    static constexpr std::size_t kMaxLineBytes = std::size_t{1} << 20;

    // Calls on_line for each line `data` completes (without its '\n'). Throws ProtocolError
    // when the line being read passes kMaxLineBytes.
    void feed(std::string_view data, const std::function<void(std::string_view)>& on_line);
    // Complete lines so far; the line being read is number lines() + 1.
    int lines() const { return lines_; }
    // Text after the last '\n': a line the stream ended in the middle of.
    const std::string& unterminated() const { return partial_; }

private:
    std::string partial_;
    int lines_ = 0;
};

}  // namespace perfmatrix::python
