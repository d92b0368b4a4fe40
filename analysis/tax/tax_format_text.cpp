// `perfmatrix tax` as aligned text and as markdown: the same cells, two layouts.

#include "analysis/tax/tax_formats.hpp"
#include "analysis/text/text.hpp"
#include "analysis/text/text_table.hpp"
#include "analysis/text/units.hpp"

#include <fmt/format.h>

#include <set>

namespace perfmatrix {
namespace {

const char* kHeaders[] = {"n",           "dtype", "threads", "interpreter", "implementation",
                          "median time", "rate",  "tax",     "95% CI",      "against"};
const bool kRight[] = {true, false, true, false, false, true, true, true, false, false};

std::string ratio_text(double v) { return fmt::format("{:.3g}x", v); }

std::string rate_header(const std::string& op, const std::string& unit) {
    if (unit.empty()) return "rate";
    return op == "matmul" ? unit + " (2n³/t)" : unit;
}

std::vector<std::string> cells_of(const TaxGroup& g, const TaxRow& row) {
    const TaxCase& t = row.tax;
    std::vector<std::string> cells{std::to_string(g.n), g.dtype, std::to_string(g.threads),
                                   t.python ? t.interpreter : "native", t.implementation};
    if (!row.median_time) {
        cells.push_back(row.status == "ok" ? "no samples" : row.status);
        return cells;
    }
    cells.push_back(format_duration(*row.median_time));
    cells.push_back(row.rate ? fmt::format("{:.4g}", *row.rate) : "-");
    if (row.ratio) {
        cells.push_back(ratio_text(row.ratio->ratio));
        cells.push_back(fmt::format("[{}, {}]", ratio_text(row.ratio->low), ratio_text(row.ratio->high)));
        cells.push_back(row.native_implementation);
    }
    return cells;
}

// The ops in the order the groups have them, each with its rate unit.
std::vector<std::pair<std::string, std::string>> ops_of(const TaxReport& report) {
    std::vector<std::pair<std::string, std::string>> ops;
    for (const TaxGroup& g : report.groups) {
        const std::string unit = g.rows.empty() ? "" : g.rows.front().rate_unit;
        if (ops.empty() || ops.back().first != g.op) ops.emplace_back(g.op, unit);
    }
    return ops;
}

// One line per implementation and interpreter: the BLAS it loaded and, for Python, whether the
// package's claim matched.
std::vector<std::string> blas_lines(const TaxReport& report) {
    std::vector<std::string> lines;
    std::set<std::string> seen;
    for (const TaxGroup& g : report.groups)
        for (const TaxRow& row : g.rows) {
            const TaxCase& t = row.tax;
            const std::string who = t.python ? t.implementation + " " + t.interpreter : t.implementation;
            if (t.blas.empty() || !seen.insert(who).second) continue;
            std::string line = who + ": " + t.blas;
            if (t.python && !t.blas_claimed.empty())
                line += fmt::format("; its build claims {}: matches: {}", t.blas_claimed,
                                    t.blas_verified.empty() ? "not checked" : t.blas_verified);
            lines.push_back(line);
        }
    return lines;
}

std::vector<std::string> missing_lines(const TaxReport& report) {
    std::vector<std::string> lines;
    for (const TaxGroup& g : report.groups)
        for (const TaxRow& row : g.rows) {
            const TaxCase& t = row.tax;
            const std::string who = fmt::format("{} n={} {} threads={} {}{}", g.op, g.n, g.dtype, g.threads,
                                                t.python ? t.interpreter + " " : "", t.implementation);
            if (row.status != "ok")
                lines.push_back(
                    fmt::format("{} ({}): {}: {}", who, t.record->case_id, row.status, flatten_lines(row.reason)));
            else if (t.python && !row.ratio)
                lines.push_back(fmt::format("{} ({}): no tax: {}", who, t.record->case_id, row.no_ratio));
        }
    return lines;
}

const char* kExplanation =
    "tax = median time from Python / median time of the native case it is against (> 1: Python pays); "
    "95% CI: bootstrap over rounds, then samples within them";

}  // namespace

std::string render_tax_table(const TaxReport& report) {
    std::string out = fmt::format("perfmatrix tax {}{}\n{}\n", report.path, report.partial ? " (PARTIAL)" : "",
                                  kExplanation);
    for (const auto& [op, unit] : ops_of(report)) {
        TextTable table;
        for (std::size_t i = 0; i < std::size(kHeaders); ++i)
            table.add_column(i == 6 ? rate_header(op, unit) : kHeaders[i], kRight[i] ? Align::right : Align::left);
        for (const TaxGroup& g : report.groups)
            if (g.op == op)
                for (const TaxRow& row : g.rows) table.add_row(cells_of(g, row));
        out += fmt::format("\n{}\n{}", op, table.render("  "));
    }
    if (const auto lines = blas_lines(report); !lines.empty()) {
        out += "\nBLAS used\n";
        for (const std::string& l : lines) out += "  " + l + "\n";
    }
    if (const auto lines = missing_lines(report); !lines.empty()) {
        out += "\nnot measured, or no tax\n";
        for (const std::string& l : lines) out += "  " + l + "\n";
    }
    return out;
}

std::string render_tax_markdown(const TaxReport& report) {
    std::string out = fmt::format("## Interpreter tax: `{}`{}\n\n{}\n", report.path, report.partial ? " (PARTIAL)" : "",
                                  kExplanation);
    for (const auto& [op, unit] : ops_of(report)) {
        std::vector<std::string> names(std::begin(kHeaders), std::end(kHeaders));
        names[6] = rate_header(op, unit);
        const std::vector<bool> right(std::begin(kRight), std::end(kRight));
        out += fmt::format("\n### {}\n\n{}", op, markdown_header(names, right));
        for (const TaxGroup& g : report.groups)
            if (g.op == op)
                for (const TaxRow& row : g.rows) {
                    auto cells = cells_of(g, row);
                    cells.resize(names.size());
                    for (std::string& c : cells) c = markdown_cell(c);
                    out += markdown_row(cells);
                }
    }
    if (const auto lines = blas_lines(report); !lines.empty()) {
        out += "\n**BLAS used**\n\n";
        for (const std::string& l : lines) out += "- " + markdown_cell(l) + "\n";
    }
    if (const auto lines = missing_lines(report); !lines.empty()) {
        out += "\n**Not measured, or no tax**\n\n";
        for (const std::string& l : lines) out += "- " + markdown_cell(l) + "\n";
    }
    return out;
}

}  // namespace perfmatrix
