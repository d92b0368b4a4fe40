#include "analysis/html/html_table.hpp"

#include "analysis/html/html_escape.hpp"

#include <fmt/format.h>

namespace perfmatrix {

void HtmlTable::add_row(std::vector<std::string> cells, std::string css_class) {
    row_classes.resize(rows.size());
    rows.push_back(std::move(cells));
    row_classes.push_back(std::move(css_class));
}

std::string HtmlTable::render() const {
    std::string out = "<table>\n<thead><tr>";
    for (const Column& c : columns)
        out += fmt::format("<th{}>{}</th>", c.numeric ? " class=\"num\"" : "", html_escape(c.title));
    out += "</tr></thead>\n<tbody>\n";
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const std::string& cls = r < row_classes.size() ? row_classes[r] : std::string{};
        out += cls.empty() ? "<tr>" : fmt::format("<tr class=\"{}\">", html_escape(cls));
        for (std::size_t c = 0; c < rows[r].size(); ++c) {
            const bool numeric = c < columns.size() && columns[c].numeric;
            out += fmt::format("<td{}>{}</td>", numeric ? " class=\"num\"" : "", rows[r][c]);
        }
        out += "</tr>\n";
    }
    return out + "</tbody>\n</table>\n";
}

}  // namespace perfmatrix
