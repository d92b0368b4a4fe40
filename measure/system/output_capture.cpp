#include "measure/system/output_capture.hpp"

namespace perfmatrix {

void TailBuffer::append(std::string_view data) {
    total_ += data.size();
    if (limit_ == 0) return;
    if (data.size() >= limit_) {
        buffer_.assign(data.substr(data.size() - limit_));
        return;
    }
    buffer_.append(data);
    // Trim in batches so appending many small chunks stays linear.
    if (buffer_.size() > 2 * limit_) buffer_.erase(0, buffer_.size() - limit_);
}

std::string TailBuffer::tail() const {
    if (buffer_.size() <= limit_) return buffer_;
    return buffer_.substr(buffer_.size() - limit_);
}

bool LineMatcher::feed(std::string_view data) {
    if (matched_) return false;
    while (!data.empty()) {
        const auto newline = data.find('\n');
        const auto piece = data.substr(0, newline);
        if (line_.size() < kMaxLineBytes) line_.append(piece.substr(0, kMaxLineBytes - line_.size()));
        if (newline == std::string_view::npos) return false;
        data.remove_prefix(newline + 1);
        if (match_line()) return true;
    }
    return false;
}

bool LineMatcher::finish() {
    if (matched_ || line_.empty()) return false;
    return match_line();
}

bool LineMatcher::match_line() {
    if (!line_.empty() && line_.back() == '\r') line_.pop_back();
    matched_ = std::regex_search(line_, pattern_);
    line_.clear();
    return matched_;
}

}  // namespace perfmatrix
