#include "analysis/text/text.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>  // fmt::join moved here in fmt 11

#include <vector>

namespace perfmatrix {

namespace {

bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Byte offsets where each code point starts, plus the end.
std::vector<std::size_t> code_point_starts(std::string_view utf8) {
    std::vector<std::size_t> starts;
    for (std::size_t i = 0; i < utf8.size(); ++i)
        if (!is_continuation_byte(utf8[i])) starts.push_back(i);
    starts.push_back(utf8.size());
    return starts;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\v' || c == '\f'; }
bool is_line_break(char c) { return c == '\n' || c == '\r'; }

}  // namespace

std::size_t display_width(std::string_view utf8) {
    std::size_t width = 0;
    for (char c : utf8)
        if (!is_continuation_byte(c)) ++width;
    return width;
}

std::string flatten_lines(std::string_view text) {
    std::string out;
    bool pending_space = false, pending_break = false;
    for (char c : text) {
        if (is_line_break(c)) {
            pending_break = true;
        } else if (is_space(c)) {
            pending_space = true;
        } else {
            if (!out.empty() && pending_break)
                out += " | ";
            else if (!out.empty() && pending_space)
                out += ' ';
            pending_space = pending_break = false;
            out += c;
        }
    }
    return out;
}

std::string elide_middle(std::string_view utf8, std::size_t max_width) {
    const std::vector<std::size_t> starts = code_point_starts(utf8);
    const std::size_t width = starts.size() - 1;
    if (width <= max_width) return std::string(utf8);
    if (max_width == 0) return {};
    const std::size_t keep = max_width - 1;  // one column for the ellipsis
    const std::size_t head = (keep + 1) / 2, tail = keep - head;
    std::string out(utf8.substr(0, starts[head]));
    out += ellipsis;
    out += utf8.substr(starts[width - tail]);
    return out;
}

std::string pad_right(std::string_view utf8, std::size_t width) {
    std::string out(utf8);
    const std::size_t w = display_width(utf8);
    if (w < width) out.append(width - w, ' ');
    return out;
}

std::string pad_left(std::string_view utf8, std::size_t width) {
    const std::size_t w = display_width(utf8);
    std::string out(w < width ? width - w : 0, ' ');
    out += utf8;
    return out;
}

std::string markdown_cell(std::string_view text) {
    std::string out;
    for (char ch : text) {
        if (ch == '|')
            out += "\\|";
        else if (ch == '\n' || ch == '\r')
            out += ' ';
        else
            out += ch;
    }
    return out;
}

std::string markdown_row(const std::vector<std::string>& cells) {
    std::vector<std::string> escaped;
    for (const std::string& c : cells) escaped.push_back(markdown_cell(c));
    return fmt::format("| {} |\n", fmt::join(escaped, " | "));
}

std::string markdown_header(const std::vector<std::string>& names, const std::vector<bool>& right) {
    std::vector<std::string> rule;
    for (bool r : right) rule.push_back(r ? "---:" : "---");
    return markdown_row(names) + fmt::format("| {} |\n", fmt::join(rule, " | "));
}

}  // namespace perfmatrix
