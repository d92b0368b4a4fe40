// `perfmatrix report --format csv`: one line per case and metric, for spreadsheets and pandas.

#include "analysis/report/report_formats.hpp"
#include "analysis/report/report_rows.hpp"
#include "analysis/text/csv.hpp"

namespace perfmatrix {

namespace {

std::vector<std::string> identity(const ReportRow& row) {
    const CaseRecord& c = *row.record;
    return {c.benchmark,  c.case_id, csv_axes(c),
            row.category, c.kind,    c.status,
            row.metric,   row.unit,  row.better == Better::lower ? "lower" : "higher"};
}

}  // namespace

std::string render_report_csv(const Results& r, const ReportSettings& settings) {
    std::vector<std::string> header{"benchmark", "case_id", "axes", "category", "kind",
                                    "status",    "metric",  "unit", "better"};
    for (const ReportStatistic& s : report_statistics(ReportRow{})) header.emplace_back(s.name);
    std::string out = csv_line(header);
    for (const ReportRow& row : report_rows(r, settings)) {
        std::vector<std::string> cells = identity(row);
        for (const ReportStatistic& s : report_statistics(row)) cells.push_back(s.value ? csv_number(*s.value) : "");
        out += csv_line(cells);
    }
    return out;
}

}  // namespace perfmatrix
