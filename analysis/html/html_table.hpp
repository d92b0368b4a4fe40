#pragma once
// An HTML <table> of cells that are already HTML (callers escape text with html_escape):
// the report's tables share one look and one way to right-align numbers.

#include <string>
#include <vector>

namespace perfmatrix {

struct HtmlTable {
    struct Column {
        std::string title;  // plain text; escaped when rendered
        bool numeric = false;
    };
    std::vector<Column> columns;
    std::vector<std::vector<std::string>> rows;  // HTML cells, one per column
    std::vector<std::string> row_classes;        // CSS class per row; may be shorter than rows

    void add_row(std::vector<std::string> cells, std::string css_class = {});
    std::string render() const;
};

}  // namespace perfmatrix
