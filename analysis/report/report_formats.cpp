#include "analysis/report/report_formats.hpp"

namespace perfmatrix {

std::optional<ReportFormat> parse_report_format(std::string_view name) {
    if (name == "text") return ReportFormat::text;
    if (name == "markdown") return ReportFormat::markdown;
    if (name == "csv") return ReportFormat::csv;
    if (name == "json") return ReportFormat::json;
    return std::nullopt;
}

std::string render_report(const Results& r, const ReportSettings& settings, ReportFormat format) {
    switch (format) {
        case ReportFormat::text: return render_report(r, settings);
        case ReportFormat::markdown: return render_report_markdown(r, settings);
        case ReportFormat::csv: return render_report_csv(r, settings);
        case ReportFormat::json: return render_report_json(r, settings);
    }
    return render_report(r, settings);
}

}  // namespace perfmatrix
