#pragma once
// UTF-8 aware helpers for fixed-width plain text: units ("µs") and elisions ("…") are
// multi-byte, so widths count code points, not bytes.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace perfmatrix {

// Columns the text takes in a terminal: its code points (no wide East Asian characters are
// expected in job files and results).
std::size_t display_width(std::string_view utf8);
// One line out of many: each line break becomes " | ", other whitespace runs one space,
// and the ends are trimmed.
std::string flatten_lines(std::string_view text);
// At most max_width columns: the head and the tail survive around a "…" (the start of a
// message and the end of a stderr tail are both informative).
std::string elide_middle(std::string_view utf8, std::size_t max_width);
// Spaces appended up to width columns (left-aligned) or prepended (right-aligned).
std::string pad_right(std::string_view utf8, std::size_t width);
std::string pad_left(std::string_view utf8, std::size_t width);

// A Markdown table cell: '|' would end the cell and a line break the row, so '|' is escaped and
// line breaks become spaces.
std::string markdown_cell(std::string_view text);
// A Markdown table row of those cells, and a header row with its alignment row ("---:"
// right-aligns a column of numbers).
std::string markdown_row(const std::vector<std::string>& cells);
std::string markdown_header(const std::vector<std::string>& names, const std::vector<bool>& right);

inline constexpr std::string_view ellipsis = "…";

}  // namespace perfmatrix
