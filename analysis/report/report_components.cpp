// Report section 2b: per-part breakdowns of cases (components), e.g. the import time of each
// module per interpreter from python_workload's `importtime`.

#include "analysis/report/component_table.hpp"
#include "analysis/report/report_sections.hpp"
#include "analysis/text/text_table.hpp"
#include "analysis/text/units.hpp"

#include <fmt/format.h>

#include <cmath>
#include <vector>

namespace perfmatrix {

namespace {

// Enough rows for the modules a job asks to import plus start-up's own; the rest are counted.
constexpr std::size_t max_component_rows = 15;

// The axes whose values tell the table's columns apart; an axis equal over all of them (the
// `workload` of importtime cases, say) would only repeat itself in every header.
std::vector<std::size_t> varying_axes(const BenchmarkView& b, const std::vector<const CaseRecord*>& cases) {
    std::vector<std::size_t> out;
    for (std::size_t a = 0; a < b.axes.size(); ++a) {
        if (cases.size() == 1) {  // one column: all of its axes say what it is
            out.push_back(a);
            continue;
        }
        for (const CaseRecord* c : cases)
            if (b.axis_label(*c, a) != b.axis_label(*cases.front(), a)) {
                out.push_back(a);
                break;
            }
    }
    return out;
}

std::string column_header(const BenchmarkView& b, const CaseRecord& c, const std::vector<std::size_t>& axes) {
    std::string h;
    for (std::size_t a : axes) {
        const std::string label = b.axis_label(c, a);
        if (label != "-") h += (h.empty() ? "" : " ") + label;
    }
    return h.empty() ? c.case_id : h;
}

std::string render_table(const BenchmarkView& b, const ComponentTable& t) {
    TextTable table;
    table.add_column("component", Align::left);
    const std::vector<std::size_t> axes = varying_axes(b, t.cases);
    for (const CaseRecord* c : t.cases) table.add_column(column_header(b, *c, axes), Align::right);
    for (std::size_t r = 0; r < t.components.size(); ++r) {
        std::vector<std::string> row{t.components[r]};
        for (double v : t.medians[r]) row.push_back(std::isnan(v) ? "-" : format_value(v, t.unit));
        table.add_row(std::move(row));
    }
    std::string out = fmt::format("{}: {}{} per component, median (top level, largest first)\n", b.name, t.metric,
                                  t.unit.empty() ? "" : " [" + t.unit + "]");
    out += table.render("  ");
    if (t.left_out > 0)
        out += fmt::format("  ... and {} smaller component{}\n", t.left_out, t.left_out == 1 ? "" : "s");
    return out;
}

}  // namespace

std::string render_components(const std::vector<BenchmarkView>& views) {
    std::string out;
    for (const BenchmarkView& b : views) {
        const std::string metric = breakdown_metric(b);
        if (metric.empty()) continue;
        const ComponentTable t = component_table(b, metric, max_component_rows);
        if (t.components.empty()) continue;
        out += (out.empty() ? "" : "\n") + render_table(b, t);
    }
    return out;
}

}  // namespace perfmatrix
