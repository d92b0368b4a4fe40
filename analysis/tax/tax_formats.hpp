#pragma once
// The output formats of `perfmatrix tax`. CSV and JSON field names are documented in
// docs/interpreter-tax.md and are part of the interface: scripts read them.

#include "analysis/tax/tax_report.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace perfmatrix {

enum class TaxFormat { table, markdown, csv, json };

// "table", "markdown", "csv", "json"; nothing for any other text.
std::optional<TaxFormat> parse_tax_format(std::string_view name);

// One table per op (its rate unit differs), then the BLAS each implementation used and the
// rows without a ratio, with why.
std::string render_tax_table(const TaxReport& report);
std::string render_tax_markdown(const TaxReport& report);
// One header line, then one line per row of every group. RFC 4180 quoting.
std::string render_tax_csv(const TaxReport& report);
std::string render_tax_json(const TaxReport& report);

std::string render_tax(const TaxReport& report, TaxFormat format);

}  // namespace perfmatrix
