#pragma once
// Fixed-length string fields of the results file. Columns have fixed widths because SWMR and
// variable-length data do not mix well; these helpers fill and read such fields safely.

#include <cstddef>
#include <string>
#include <string_view>

namespace perfmatrix {

// Which end of a too-long value survives: identifiers and command lines are most telling at
// their start, error reasons (stderr tails) at their end.
enum class Keep { head, tail };

inline constexpr std::string_view truncation_mark = "...";

// Copies text into a NUL-padded field of `width` bytes. A value that does not fit loses its
// middle-most part: Keep::head stores "<start>...", Keep::tail stores "...<end>". Cuts fall on
// UTF-8 character boundaries so a field never holds half a character.
void put_fixed(char* field, std::size_t width, std::string_view text, Keep keep = Keep::head);

template <std::size_t N>
void put_fixed(char (&field)[N], std::string_view text, Keep keep = Keep::head) {
    put_fixed(field, N, text, keep);
}

// The value of a field: its bytes up to the first NUL (all `width` bytes when full).
std::string get_fixed(const char* field, std::size_t width);

template <std::size_t N>
std::string get_fixed(const char (&field)[N]) {
    return get_fixed(field, N);
}

}  // namespace perfmatrix
