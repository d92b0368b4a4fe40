#include "measure/python/reason_text.hpp"

#include <fmt/format.h>

namespace perfmatrix::python {
namespace {

struct LeadByte {
    std::size_t length;    // of the whole sequence; 0: not a lead byte
    unsigned char lo, hi;  // allowed range of the first continuation byte
};

LeadByte classify(unsigned char lead) {
    if (lead < 0x80) return {1, 0, 0};
    if (lead >= 0xC2 && lead <= 0xDF) return {2, 0x80, 0xBF};
    if (lead == 0xE0) return {3, 0xA0, 0xBF};  // no overlong forms
    if (lead == 0xED) return {3, 0x80, 0x9F};  // no surrogates
    if (lead >= 0xE1 && lead <= 0xEF) return {3, 0x80, 0xBF};
    if (lead == 0xF0) return {4, 0x90, 0xBF};
    if (lead >= 0xF1 && lead <= 0xF3) return {4, 0x80, 0xBF};
    if (lead == 0xF4) return {4, 0x80, 0x8F};  // nothing past U+10FFFF
    return {0, 0, 0};
}

// Length of the valid UTF-8 sequence starting at text[i], or 0 if there is none.
std::size_t sequence_length(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const LeadByte lead = classify(byte(i));
    if (lead.length <= 1) return lead.length;
    if (i + lead.length > text.size()) return 0;
    if (byte(i + 1) < lead.lo || byte(i + 1) > lead.hi) return 0;
    for (std::size_t k = 2; k < lead.length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
    }
    return lead.length;
}

}  // namespace

std::string valid_utf8(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t n = sequence_length(text, i);
        if (n == 0) {
            out += '?';
            ++i;
        } else {
            out.append(text.substr(i, n));
            i += n;
        }
    }
    return out;
}

std::string output_note(const char* stream, std::string_view tail) {
    const auto begin = tail.find_first_not_of(" \t\r\n");
    if (begin == std::string_view::npos) return {};
    const auto end = tail.find_last_not_of(" \t\r\n");
    return fmt::format("; {}: {}", stream, valid_utf8(tail.substr(begin, end - begin + 1)));
}

}  // namespace perfmatrix::python
