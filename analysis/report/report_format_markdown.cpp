// `perfmatrix report --format markdown`: for a CI job summary, a pull request or a wiki page.

#include "analysis/report/report_formats.hpp"
#include "analysis/report/report_rows.hpp"
#include "analysis/text/text.hpp"
#include "analysis/text/units.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>  // fmt::join moved here in fmt 11

#include <algorithm>

namespace perfmatrix {

namespace {

// "python=3.12, n=1": full values (a table cell has room), "-" without axes.
std::string axes_cell(const CaseRecord& c) {
    std::vector<std::string> parts;
    for (const AxisValue& a : c.axes) parts.push_back(a.axis + "=" + a.value);
    return parts.empty() ? "-" : fmt::format("{}", fmt::join(parts, ", "));
}

// The statistics columns of a row, appended to `cells`; "-" where there are no samples.
void add_statistics(const ReportRow& row, std::vector<std::string>& cells) {
    const auto& s = row.summary;
    auto value = [&](double v) { return format_value(v, row.unit); };
    if (!s) {
        cells.insert(cells.end(), {"0", "-", "-", "-", "-", "-", "-", "-", "-", "-"});
        return;
    }
    cells.push_back(std::to_string(s->n));
    cells.push_back(value(s->median));
    cells.push_back(s->median_ci ? fmt::format("{} – {}", value(s->median_ci->lower), value(s->median_ci->upper))
                                 : "-");
    cells.push_back(value(s->mean));
    cells.push_back(value(s->stddev));
    cells.push_back(value(s->mad));
    cells.push_back(value(s->iqr));
    cells.push_back(fmt::format("{} – {}", value(s->min), value(s->max)));
    cells.push_back(fmt::format("{} – {}", value(s->p5), value(s->p95)));
    cells.push_back(fmt::format("{} / {}", s->outliers.modified_z_count, s->outliers.tukey_count));
}

std::string table(const std::vector<const ReportRow*>& rows) {
    const ReportRow& first = *rows.front();
    std::string out = fmt::format("### {}: {}{}\n\n", first.record->benchmark, first.metric,
                                  first.unit.empty() ? "" : fmt::format(" [{}]", first.unit));
    out += markdown_header({"case", "status", "n", "median", "95% CI of median", "mean", "stddev", "MAD", "IQR",
                            "min – max", "p5 – p95", "outliers (z / Tukey)"},
                           {false, false, true, true, true, true, true, true, true, true, true, true});
    for (const ReportRow* row : rows) {
        std::vector<std::string> cells{axes_cell(*row->record), row->record->status};
        add_statistics(*row, cells);
        out += markdown_row(cells);
    }
    return out;
}

}  // namespace

std::string render_report_markdown(const Results& r, const ReportSettings& settings) {
    const std::vector<ReportRow> rows = report_rows(r, settings);
    // One table per benchmark and metric, in the order they first appear.
    std::vector<std::vector<const ReportRow*>> tables;
    for (const ReportRow& row : rows) {
        auto same = [&](const std::vector<const ReportRow*>& t) {
            return t.front()->record->benchmark == row.record->benchmark && t.front()->metric == row.metric;
        };
        auto found = std::find_if(tables.begin(), tables.end(), same);
        if (found == tables.end())
            tables.push_back({&row});
        else
            found->push_back(&row);
    }
    std::string out = fmt::format("## perfmatrix report: {}\n", r.meta.job_path);
    for (const auto& t : tables) out += "\n" + table(t);
    return out;
}

}  // namespace perfmatrix
