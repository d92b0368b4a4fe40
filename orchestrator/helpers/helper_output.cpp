#include "orchestrator/helpers/helper_output.hpp"

#include <utility>

namespace perfmatrix {

OutputCollector::OutputCollector(std::size_t keep_bytes, std::size_t keep_lines,
                                 std::function<void(std::string_view line)> on_line)
    : keep_bytes_(keep_bytes), keep_lines_(keep_lines), on_line_(std::move(on_line)) {}

void OutputCollector::feed(std::string_view chunk) {
    tail_.append(chunk);
    // Trimmed only once it is twice the limit: a chatty helper costs a copy per keep_bytes
    // written, not one per chunk.
    if (tail_.size() > 2 * keep_bytes_) tail_.erase(0, tail_.size() - keep_bytes_);
    if (keep_lines_ == 0 && !on_line_) return;
    for (const char c : chunk) {
        if (c == '\n') {
            emit_line();
        } else if (c != '\r') {
            partial_.push_back(c);
        }
    }
}

void OutputCollector::finish() {
    if (!partial_.empty()) emit_line();
}

std::string OutputCollector::tail() const {
    return tail_.size() > keep_bytes_ ? tail_.substr(tail_.size() - keep_bytes_) : tail_;
}

void OutputCollector::emit_line() {
    if (on_line_) on_line_(partial_);
    if (keep_lines_ > 0) {
        lines_.push_back(std::move(partial_));
        if (lines_.size() > keep_lines_) lines_.pop_front();
    }
    partial_.clear();
}

}  // namespace perfmatrix
