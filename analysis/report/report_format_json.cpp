// `perfmatrix report --format json`: the report's rows with raw numbers, for scripts and
// dashboards.

#include "analysis/report/report_formats.hpp"
#include "analysis/report/report_rows.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>

namespace perfmatrix {

namespace {

// ordered: fields keep the documented order (identity first, statistics after) for people
// reading it.
using json = nlohmann::ordered_json;

// Bumped when a field changes meaning or disappears (adding fields does not bump it).
constexpr int json_format_version = 1;

json row_json(const ReportRow& row) {
    const CaseRecord& c = *row.record;
    json axes = json::object();
    for (const AxisValue& a : c.axes) axes[a.axis] = a.value;
    json j = {{"benchmark", c.benchmark},
              {"case_id", c.case_id},
              {"axes", axes},
              {"category", row.category},
              {"kind", c.kind},
              {"status", c.status},
              {"reason", c.reason},
              {"metric", row.metric},
              {"unit", row.unit},
              {"better", row.better == Better::lower ? "lower" : "higher"}};
    for (const ReportStatistic& s : report_statistics(row)) {
        if (!s.value)
            j[s.name] = nullptr;
        else if (s.count)
            j[s.name] = static_cast<std::int64_t>(*s.value);
        else
            j[s.name] = *s.value;
    }
    return j;
}

}  // namespace

std::string render_report_json(const Results& r, const ReportSettings& settings) {
    json cases = json::array();
    for (const ReportRow& row : report_rows(r, settings)) cases.push_back(row_json(row));
    const json doc = {{"format_version", json_format_version},
                      {"schema_version", r.schema_version},
                      {"results", settings.results_path},
                      {"job", {{"path", r.meta.job_path}, {"sha256", r.meta.job_hash}}},
                      {"cases", cases}};
    return doc.dump(2) + "\n";
}

}  // namespace perfmatrix
