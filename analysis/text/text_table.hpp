#pragma once
// A plain-text table with fixed-width columns: a header row, then one line per row.

#include <string>
#include <string_view>
#include <vector>

namespace perfmatrix {

enum class Align { left, right };

class TextTable {
public:
    void add_column(std::string header, Align align);
    // Missing trailing cells print empty; extra cells are an error (std::invalid_argument).
    void add_row(std::vector<std::string> cells);
    std::size_t rows() const { return rows_.size(); }
    // Every line starts with indent; columns are two spaces apart; no trailing spaces.
    std::string render(std::string_view indent) const;

private:
    struct Column {
        std::string header;
        Align align;
    };
    std::vector<std::size_t> column_widths() const;
    std::string render_line(const std::vector<std::string>& cells, const std::vector<std::size_t>& widths,
                            std::string_view indent) const;

    std::vector<Column> columns_;
    std::vector<std::vector<std::string>> rows_;
};

}  // namespace perfmatrix
