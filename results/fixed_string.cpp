#include "results/fixed_string.hpp"

#include <algorithm>
#include <cstring>

namespace perfmatrix {

namespace {
bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Longest prefix of text of at most n bytes that ends on a character boundary.
std::string_view utf8_prefix(std::string_view text, std::size_t n) {
    while (n > 0 && n < text.size() && is_continuation_byte(text[n])) --n;
    return text.substr(0, n);
}

// Longest suffix of text of at most n bytes that starts on a character boundary.
std::string_view utf8_suffix(std::string_view text, std::size_t n) {
    std::size_t start = text.size() - n;
    while (start < text.size() && is_continuation_byte(text[start])) ++start;
    return text.substr(start);
}

std::string shortened(std::string_view text, std::size_t width, Keep keep) {
    const std::size_t room = width > truncation_mark.size() ? width - truncation_mark.size() : 0;
    if (keep == Keep::head) return std::string(utf8_prefix(text, room)) + std::string(truncation_mark);
    return std::string(truncation_mark) + std::string(utf8_suffix(text, room));
}
}  // namespace

void put_fixed(char* field, std::size_t width, std::string_view text, Keep keep) {
    std::memset(field, 0, width);
    if (text.size() <= width) {
        std::memcpy(field, text.data(), text.size());
        return;
    }
    const std::string cut = shortened(text, width, keep);
    std::memcpy(field, cut.data(), std::min(cut.size(), width));
}

std::string get_fixed(const char* field, std::size_t width) {
    const char* end = static_cast<const char*>(std::memchr(field, '\0', width));
    return std::string(field, end ? static_cast<std::size_t>(end - field) : width);
}

}  // namespace perfmatrix
