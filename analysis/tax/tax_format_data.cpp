// `perfmatrix tax` as CSV and JSON: raw numbers (seconds, the rate in its unit) for scripts.

#include "analysis/tax/tax_formats.hpp"
#include "analysis/text/csv.hpp"

#include <nlohmann/json.hpp>

namespace perfmatrix {
namespace {

// Bumped when a field changes meaning or disappears (adding fields does not bump it).
constexpr int json_format_version = 1;

using json = nlohmann::ordered_json;

const std::vector<std::string> kCsvFields{
    "op",      "n",        "dtype",  "threads",     "interpreter",  "implementation", "side",    "benchmark",
    "case_id", "status",   "rounds", "median_time", "rate",         "rate_unit",      "against", "tax",
    "tax_low", "tax_high", "no_tax", "blas",        "blas_claimed", "blas_verified",  "reason"};

std::string number_or_empty(const std::optional<double>& v) { return v ? csv_number(*v) : ""; }

std::vector<std::string> csv_fields(const TaxGroup& g, const TaxRow& row) {
    const TaxCase& t = row.tax;
    const auto& r = row.ratio;
    return {g.op,
            std::to_string(g.n),
            g.dtype,
            std::to_string(g.threads),
            t.interpreter,
            t.implementation,
            t.python ? "python" : "native",
            t.record->benchmark,
            t.record->case_id,
            row.status,
            std::to_string(row.rounds),
            number_or_empty(row.median_time),
            number_or_empty(row.rate),
            row.rate_unit,
            row.native_implementation,
            r ? csv_number(r->ratio) : "",
            r ? csv_number(r->low) : "",
            r ? csv_number(r->high) : "",
            row.no_ratio,
            t.blas,
            t.blas_claimed,
            t.blas_verified,
            row.reason};
}

json optional(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }
json optional(const std::string& v) { return v.empty() ? json(nullptr) : json(v); }

json row_json(const TaxRow& row) {
    const TaxCase& t = row.tax;
    json j{{"interpreter", optional(t.interpreter)},
           {"implementation", t.implementation},
           {"side", t.python ? "python" : "native"},
           {"benchmark", t.record->benchmark},
           {"case_id", t.record->case_id},
           {"status", row.status},
           {"reason", row.reason},
           {"rounds", row.rounds},
           {"median_time", optional(row.median_time)},
           {"rate", optional(row.rate)},
           {"rate_unit", optional(row.rate_unit)},
           {"against", optional(row.native_implementation)},
           {"tax", row.ratio ? json(row.ratio->ratio) : json(nullptr)},
           {"tax_ci", row.ratio ? json::array({row.ratio->low, row.ratio->high}) : json(nullptr)},
           {"no_tax", optional(row.no_ratio)},
           {"blas", optional(t.blas)},
           {"blas_claimed", optional(t.blas_claimed)},
           {"blas_verified", optional(t.blas_verified)}};
    return j;
}

}  // namespace

std::string render_tax_csv(const TaxReport& report) {
    std::string out = csv_line(kCsvFields);
    for (const TaxGroup& g : report.groups)
        for (const TaxRow& row : g.rows) out += csv_line(csv_fields(g, row));
    return out;
}

std::string render_tax_json(const TaxReport& report) {
    json groups = json::array();
    for (const TaxGroup& g : report.groups) {
        json rows = json::array();
        for (const TaxRow& row : g.rows) rows.push_back(row_json(row));
        groups.push_back({{"op", g.op}, {"n", g.n}, {"dtype", g.dtype}, {"threads", g.threads}, {"rows", rows}});
    }
    const json doc{{"format_version", json_format_version},
                   {"file", report.path},
                   {"partial", report.partial},
                   {"groups", groups}};
    return doc.dump(2) + "\n";
}

std::optional<TaxFormat> parse_tax_format(std::string_view name) {
    if (name == "table") return TaxFormat::table;
    if (name == "markdown") return TaxFormat::markdown;
    if (name == "csv") return TaxFormat::csv;
    if (name == "json") return TaxFormat::json;
    return std::nullopt;
}

std::string render_tax(const TaxReport& report, TaxFormat format) {
    switch (format) {
        case TaxFormat::markdown: return render_tax_markdown(report);
        case TaxFormat::csv: return render_tax_csv(report);
        case TaxFormat::json: return render_tax_json(report);
        case TaxFormat::table: break;
    }
    return render_tax_table(report);
}

}  // namespace perfmatrix
