#include "analysis/text/text_table.hpp"

#include "analysis/text/text.hpp"

#include <algorithm>
#include <stdexcept>

namespace perfmatrix {

void TextTable::add_column(std::string header, Align align) { columns_.push_back({std::move(header), align}); }

void TextTable::add_row(std::vector<std::string> cells) {
    if (cells.size() > columns_.size()) throw std::invalid_argument("TextTable::add_row: more cells than columns");
    cells.resize(columns_.size());
    rows_.push_back(std::move(cells));
}

std::vector<std::size_t> TextTable::column_widths() const {
    std::vector<std::size_t> widths;
    for (const Column& c : columns_) widths.push_back(display_width(c.header));
    for (const auto& row : rows_)
        for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], display_width(row[i]));
    return widths;
}

std::string TextTable::render_line(const std::vector<std::string>& cells, const std::vector<std::size_t>& widths,
                                   std::string_view indent) const {
    std::string line(indent);
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i > 0) line += "  ";
        line += columns_[i].align == Align::left ? pad_right(cells[i], widths[i]) : pad_left(cells[i], widths[i]);
    }
    line.erase(line.find_last_not_of(' ') + 1);
    line += '\n';
    return line;
}

std::string TextTable::render(std::string_view indent) const {
    const std::vector<std::size_t> widths = column_widths();
    std::vector<std::string> headers;
    for (const Column& c : columns_) headers.push_back(c.header);
    std::string out = render_line(headers, widths, indent);
    for (const auto& row : rows_) out += render_line(row, widths, indent);
    return out;
}

}  // namespace perfmatrix
