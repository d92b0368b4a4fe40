#include "analysis/export/export_pyperf.hpp"

#include "analysis/text/units.hpp"
#include "results/case_rounds.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <ctime>

namespace perfmatrix {

namespace {

using Json = nlohmann::ordered_json;

// pyperf strips metadata strings and refuses empty ones and line breaks.
std::string metadata_text(std::string s) {
    std::replace(s.begin(), s.end(), '\n', ' ');
    std::replace(s.begin(), s.end(), '\r', ' ');
    const auto first = s.find_first_not_of(" \t");
    if (first == std::string::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

void put_text(Json& metadata, const std::string& key, const std::string& value) {
    const std::string text = metadata_text(value);
    if (!text.empty()) metadata[key] = text;
}

std::string iso_time(double unix_seconds) {
    const std::time_t t = static_cast<std::time_t>(unix_seconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    return fmt::format("{:%Y-%m-%dT%H:%M:%S}Z", tm);
}

const char* pyperf_unit(const std::string& unit) {
    if (is_duration_unit(unit)) return "second";
    if (unit == "bytes" || unit == "B") return "byte";
    return "integer";
}

double scale_of(const std::string& unit) {
    const double s = seconds_per(unit);
    return s > 0 ? s : 1.0;
}

Json suite_metadata(const Results& r) {
    Json m = Json::object();
    put_text(m, "perfmatrix_version", r.meta.tool_version);
    put_text(m, "perfmatrix_job", r.meta.job_path);
    if (!r.ranks.empty()) {
        const HostInfo& h = r.ranks.front().info;
        put_text(m, "hostname", h.host);
        put_text(m, "cpu_model_name", h.cpu_model);
        if (h.cores > 0) m["cpu_count"] = h.cores;
        put_text(m, "platform", h.kernel);
    }
    return m;
}

Json benchmark_metadata(const ExportedCase& e) {
    Json m = Json::object();
    m["name"] = e.name;
    m["unit"] = pyperf_unit(e.unit);
    m["loops"] = 1;
    put_text(m, "perfmatrix_case_id", e.record->case_id);
    put_text(m, "perfmatrix_kind", e.record->kind);
    put_text(m, "perfmatrix_metric", e.metric);
    for (const AxisValue& a : e.record->axes) put_text(m, "axis_" + a.axis, a.value);
    return m;
}

// A round is what pyperf calls a run: one worker process's warm-ups and values.
Json run_metadata(const CaseRecord& c, const RoundRecord& r) {
    Json m = Json::object();
    if (r.started > 0) m["date"] = iso_time(r.started);
    if (r.ended > r.started && r.started > 0) m["duration"] = r.ended - r.started;
    put_text(m, "hostname", r.host);
    // Prefixed: the runner's keys (e.g. python_version) must not take pyperf's own meanings.
    for (const auto& [key, value] : c.environment) put_text(m, "env_" + key, value);
    return m;
}

struct RunValues {
    Json warmups = Json::array(), values = Json::array();
    bool positive = true;
};

RunValues run_values(const ExportedCase& e, int round) {
    RunValues v;
    const double scale = scale_of(e.unit);
    for (const Sample& s : e.record->samples) {
        if (s.round != round || s.metric != e.metric || std::isnan(s.value)) continue;
        const double value = s.value * scale;
        if (s.warmup) {
            if (value >= 0) v.warmups.push_back(Json::array({1, value}));
        } else {
            v.positive = v.positive && value > 0;
            v.values.push_back(value);
        }
    }
    return v;
}

}  // namespace

ExportOutput export_pyperf(const Results& r, const ExportSettings& opt) {
    ExportSelection sel = select_export_cases(r, opt, {.bytes = true, .counts = true});
    ExportOutput out;
    Json benchmarks = Json::array();
    for (const ExportedCase& e : sel.cases) {
        Json runs = Json::array();
        bool positive = true;
        for (const RoundRecord& round : rounds_of(*e.record)) {
            RunValues v = run_values(e, round.round);
            positive = positive && v.positive;
            if (v.values.empty()) continue;  // pyperf refuses a run without values
            Json run = Json::object();
            run["metadata"] = run_metadata(*e.record, round);
            if (!v.warmups.empty()) run["warmups"] = std::move(v.warmups);
            run["values"] = std::move(v.values);
            runs.push_back(std::move(run));
        }
        if (!positive) {
            sel.left_out.push_back(fmt::format("{}: '{}' has values <= 0, which pyperf refuses", e.name, e.metric));
            continue;
        }
        benchmarks.push_back(Json{{"metadata", benchmark_metadata(e)}, {"runs", std::move(runs)}});
        ++out.exported;
    }
    const Json doc{{"version", "1.0"}, {"metadata", suite_metadata(r)}, {"benchmarks", std::move(benchmarks)}};
    out.text = doc.dump(1) + "\n";
    out.left_out = std::move(sel.left_out);
    return out;
}

}  // namespace perfmatrix
