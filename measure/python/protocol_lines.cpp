#include "measure/python/protocol_lines.hpp"

#include <fmt/format.h>

namespace perfmatrix::python {

void ProtocolLines::feed(std::string_view data, const std::function<void(std::string_view)>& on_line) {
    while (!data.empty()) {
        const auto newline = data.find('\n');
        const auto piece = data.substr(0, newline);
        if (partial_.size() + piece.size() > kMaxLineBytes) {
            throw ProtocolError{fmt::format("line longer than {} bytes", kMaxLineBytes)};
        }
        if (newline == std::string_view::npos) {
            partial_.append(piece);
            return;
        }
        data.remove_prefix(newline + 1);
        ++lines_;
        if (partial_.empty()) {
            on_line(piece);  // the common case: a whole line in one read, no copy
        } else {
            partial_.append(piece);
            const std::string line = std::move(partial_);
            partial_.clear();
            on_line(line);
        }
    }
}

}  // namespace perfmatrix::python
