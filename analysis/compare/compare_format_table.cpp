// `perfmatrix compare --format table`: aligned text, the default.

#include "analysis/compare/compare_formats.hpp"
#include "analysis/compare/compare_text.hpp"
#include "analysis/text/text_table.hpp"

#include <fmt/format.h>

namespace perfmatrix {

namespace {

constexpr const char* green = "\x1b[32m";
constexpr const char* red = "\x1b[31m";
constexpr const char* yellow = "\x1b[33m";
constexpr const char* reset = "\x1b[0m";

const char* colour_of(Verdict v) {
    switch (v) {
        case Verdict::faster: return green;
        case Verdict::slower: return red;
        case Verdict::no_verdict: return yellow;
        case Verdict::no_significant_change: break;
    }
    return nullptr;
}

// Colour whole lines of a rendered table after the fact: escape codes inside cells would
// count as text and break the alignment. Line 0 is the header; line i + 1 is row i.
std::string colour_rows(const std::string& rendered, const std::vector<const char*>& colours) {
    std::string out;
    std::size_t start = 0;
    for (std::size_t line = 0; start < rendered.size(); ++line) {
        const std::size_t end = rendered.find('\n', start);
        const std::string text = rendered.substr(start, end - start);
        const char* c = line > 0 && line - 1 < colours.size() ? colours[line - 1] : nullptr;
        out += c ? std::string(c) + text + reset : text;
        out += '\n';
        start = end == std::string::npos ? rendered.size() : end + 1;
    }
    return out;
}

std::string cases_table(const CompareReport& report, const ComparedSet& set, bool colour) {
    TextTable t;
    for (const char* h : {"benchmark", "case", "metric"}) t.add_column(h, Align::left);
    for (const char* h : {"baseline", "new", "speed-up", "95% CI", "p"}) t.add_column(h, Align::right);
    for (const char* h : {"verdict", "notes"}) t.add_column(h, Align::left);
    std::vector<const char*> colours;
    for (const CaseComparison& row : set.rows) {
        const std::string axes = set.describe_axes(shown_case(row.pair));
        const bool ratio = row.speedup.has_value();
        t.add_row({row.pair.fresh->benchmark, axes.empty() ? "-" : axes, row.metric.empty() ? "-" : row.metric,
                   median_text(row, true), median_text(row, false), ratio ? format_speedup(row.speedup->value) : "-",
                   ratio ? format_interval(row.speedup->low, row.speedup->high) : "-",
                   row.comparison.test ? format_p(row.comparison.test->p_value) : "-", verdict_text(row),
                   noise_text(row, report.settings)});
        colours.push_back(colour ? colour_of(row.comparison.verdict) : nullptr);
    }
    return colour_rows(t.render("  "), colours);
}

std::string summary_table(const ComparedSet& set) {
    TextTable t;
    t.add_column("category", Align::left);
    for (const char* h : {"cases", "faster", "slower", "unchanged", "no verdict", "speed-up", "95% CI"})
        t.add_column(h, Align::right);
    for (const GroupSummary* g : summary_groups(set)) {
        t.add_row({g->name, std::to_string(g->averaged()), std::to_string(g->faster), std::to_string(g->slower),
                   std::to_string(g->unchanged), std::to_string(g->no_verdict),
                   g->speedup ? format_speedup(g->speedup->value) : "-",
                   g->speedup ? format_interval(g->speedup->low, g->speedup->high) : "-"});
    }
    return "  by category: geometric mean of speed-ups over the cases with a verdict, 95% CI (t over cases)\n" +
           t.render("  ");
}

std::string changes(const ComparedSet& set, const std::vector<std::size_t>& picked, const char* title, bool colour,
                    const char* code) {
    if (picked.empty()) return fmt::format("  {}: none\n", title);
    std::string out = fmt::format("  {}\n", title);
    for (std::size_t i : picked) {
        const CaseComparison& row = set.rows[i];
        const std::string line = fmt::format("    {}  {}  {}", format_speedup(row.speedup->value),
                                             case_title(set, row.pair), row.metric);
        out += colour ? std::string(code) + line + reset + "\n" : line + "\n";
    }
    return out;
}

std::string not_compared(const ComparedSet& set) {
    if (set.not_compared.empty()) return {};
    std::string out = fmt::format("  not compared ({}): failed, skipped, unschedulable or missing on one side\n",
                                  set.not_compared.size());
    for (const NotCompared& n : set.not_compared) out += fmt::format("    {}: {}\n", case_title(set, n.pair), n.why);
    return out;
}

std::string render_set(const CompareReport& report, const ComparedSet& set, bool colour) {
    std::string out = set_title(set) + "\n";
    if (!set.rows.empty()) out += cases_table(report, set, colour);
    for (const std::string& line : set.legend()) out += "  " + line + "\n";
    out += "\n" + summary_table(set) + "\n";
    out += changes(set, set.improvements, "largest improvements (verdict faster)", colour, green);
    out += changes(set, set.regressions, "largest regressions (verdict slower)", colour, red);
    return out + not_compared(set);
}

}  // namespace

std::string render_compare_table(const CompareReport& report, bool colour) {
    std::string out = "perfmatrix compare\n";
    for (const std::string& line : source_lines(report)) out += line + "\n";
    for (const std::string& line : reading_lines(report)) out += line + "\n";
    for (const ComparedSet& set : report.sets) out += "\n" + render_set(report, set, colour);
    return out;
}

}  // namespace perfmatrix
