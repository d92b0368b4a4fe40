#pragma once
// The machine-readable formats of `perfmatrix report` beside its text: one row per case and
// tabulated metric (report_rows.hpp). Field names are documented in docs/usage.md and are part
// of the interface: scripts read them.

#include "analysis/report/report.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace perfmatrix {

enum class ReportFormat { text, markdown, csv, json };

// "text", "markdown", "csv", "json"; nothing for any other text.
std::optional<ReportFormat> parse_report_format(std::string_view name);

// GitHub-flavoured markdown: one table per benchmark and metric.
std::string render_report_markdown(const Results& r, const ReportSettings& settings);
// One header line, then one line per case and metric. RFC 4180 quoting.
std::string render_report_csv(const Results& r, const ReportSettings& settings);
// One JSON document: format_version, the job, and the rows as `cases`.
std::string render_report_json(const Results& r, const ReportSettings& settings);

std::string render_report(const Results& r, const ReportSettings& settings, ReportFormat format);

}  // namespace perfmatrix
