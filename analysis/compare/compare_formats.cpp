#include "analysis/compare/compare_formats.hpp"

namespace perfmatrix {

std::optional<CompareFormat> parse_compare_format(std::string_view name) {
    if (name == "table") return CompareFormat::table;
    if (name == "markdown") return CompareFormat::markdown;
    if (name == "csv") return CompareFormat::csv;
    if (name == "json") return CompareFormat::json;
    return std::nullopt;
}

std::string render_compare(const CompareReport& report, CompareFormat format, bool colour) {
    switch (format) {
        case CompareFormat::markdown: return render_compare_markdown(report);
        case CompareFormat::csv: return render_compare_csv(report);
        case CompareFormat::json: return render_compare_json(report);
        case CompareFormat::table: break;
    }
    return render_compare_table(report, colour);
}

}  // namespace perfmatrix
