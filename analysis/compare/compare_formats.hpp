#pragma once
// The output formats of `perfmatrix compare`. Field names of CSV and JSON are documented in
// docs/comparing.md and are part of the interface: scripts read them.

#include "analysis/compare/compare_report.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace perfmatrix {

enum class CompareFormat { table, markdown, csv, json };

// "table", "markdown", "csv", "json"; nothing for any other text.
std::optional<CompareFormat> parse_compare_format(std::string_view name);

// Aligned plain text; `colour`: ANSI colours on verdicts (the caller decides: a terminal,
// and NO_COLOR unset).
std::string render_compare_table(const CompareReport& report, bool colour);
// GitHub-flavoured markdown: headings and pipe tables (e.g. for a CI job summary).
std::string render_compare_markdown(const CompareReport& report);
// One header line, then one line per case pair of every comparison, the pairs that were not
// compared included (verdict "not compared"). RFC 4180 quoting.
std::string render_compare_csv(const CompareReport& report);
// One JSON document with everything, summaries included.
std::string render_compare_json(const CompareReport& report);

std::string render_compare(const CompareReport& report, CompareFormat format, bool colour);

}  // namespace perfmatrix
