// `perfmatrix compare --format json`: everything, raw numbers, for scripts and dashboards.

#include "analysis/compare/compare_formats.hpp"
#include "analysis/view/case_category.hpp"

#include <nlohmann/json.hpp>

namespace perfmatrix {

namespace {

// ordered: fields keep the documented order (identity first, verdict last) for people reading it.
using json = nlohmann::ordered_json;

// Bumped when a field changes meaning or disappears (adding fields does not bump it).
constexpr int json_format_version = 1;

json optional_number(bool present, double value) { return present ? json(value) : json(nullptr); }

json axes_of(const CaseRecord& c) {
    json axes = json::object();
    for (const AxisValue& a : c.axes) axes[a.axis] = a.value;
    return axes;
}

json noise_of(const NoiseWarnings& w) {
    json flags = json::array();
    if (w.high_cv) flags.push_back("high_cv");
    if (w.too_few_samples) flags.push_back("too_few_samples");
    if (w.sub_millisecond) flags.push_back("sub_millisecond");
    if (w.missing_warmup) flags.push_back("missing_warmup");
    return flags;
}

json side_of(const CaseRecord* c) {
    if (!c) return nullptr;
    return {{"case_id", c->case_id}, {"status", c->status}, {"reason", c->reason}};
}

json identity(const CasePair& p) {
    const CaseRecord& c = shown_case(p);
    return {{"benchmark", c.benchmark},     {"case_id", c.case_id},        {"axes", axes_of(c)},
            {"category", case_category(c)}, {"baseline", side_of(p.base)}, {"new", side_of(p.fresh)}};
}

json case_json(const CaseComparison& r) {
    const Comparison& c = r.comparison;
    json j = identity(r.pair);
    j.update(
        {{"category", r.category},
         {"metric", r.metric},
         {"unit", r.unit},
         {"better", r.better == Better::lower ? "lower" : "higher"},
         {"n_baseline", c.n_base},
         {"n_new", c.n_new},
         {"median_baseline", optional_number(c.n_base > 0, c.median_base)},
         {"median_new", optional_number(c.n_new > 0, c.median_new)},
         {"ratio", optional_number(c.ratio.has_value(), c.ratio ? c.ratio->ratio : 0)},
         {"ratio_ci", c.ratio ? json::array({c.ratio->low, c.ratio->high}) : json(nullptr)},
         {"speedup", optional_number(r.speedup.has_value(), r.speedup ? r.speedup->value : 0)},
         {"speedup_ci", r.speedup ? json::array({r.speedup->low, r.speedup->high}) : json(nullptr)},
         {"p_value", optional_number(c.test.has_value(), c.test ? c.test->p_value : 0)},
         {"test", c.test ? json(c.test->method == MannWhitneyMethod::exact ? "exact" : "asymptotic") : json(nullptr)},
         {"verdict", verdict_name(c.verdict)},
         {"reason", c.reason},
         {"noise", {{"baseline", noise_of(r.base_noise)}, {"new", noise_of(r.new_noise)}}}});
    return j;
}

json summary_json(const GroupSummary& g) {
    const auto& s = g.speedup;
    return {{"category", g.name},
            {"cases", g.averaged()},
            {"faster", g.faster},
            {"slower", g.slower},
            {"unchanged", g.unchanged},
            {"no_verdict", g.no_verdict},
            {"geomean_speedup", optional_number(s.has_value(), s ? s->value : 0)},
            {"geomean_ci", s && s->low && s->high ? json::array({*s->low, *s->high}) : json(nullptr)}};
}

json case_ids(const ComparedSet& set, const std::vector<std::size_t>& picked) {
    json ids = json::array();
    for (std::size_t i : picked) ids.push_back(shown_case(set.rows[i].pair).case_id);
    return ids;
}

json set_json(const ComparedSet& set) {
    json cases = json::array(), skipped = json::array(), categories = json::array();
    for (const CaseComparison& r : set.rows) cases.push_back(case_json(r));
    for (const NotCompared& n : set.not_compared) {
        json j = identity(n.pair);
        j["why"] = n.why;
        skipped.push_back(std::move(j));
    }
    for (const GroupSummary& g : set.categories) categories.push_back(summary_json(g));
    return {{"baseline", set.base_name},
            {"new", set.new_name},
            {"cases", cases},
            {"not_compared", skipped},
            {"categories", categories},
            {"overall", summary_json(set.overall)},
            {"top_improvements", case_ids(set, set.improvements)},
            {"top_regressions", case_ids(set, set.regressions)}};
}

json source_json(const SourceInfo& s) {
    return {{"path", s.path},
            {"job_path", s.job_path},
            {"job_hash", s.job_hash},
            {"tool_version", s.tool_version},
            {"cases", s.cases},
            {"planned_cases", s.planned},
            {"last_run_status", s.last_status},
            {"partial", s.partial},
            {"note", s.note},
            {"runs", s.runs}};
}

json settings_json(const CompareReport& report) {
    const CompareSettings& s = report.settings;
    return {{"metric", s.metric.empty() ? json(nullptr) : json(s.metric)},
            {"alpha", s.alpha},
            {"min_effect", s.min_effect},
            {"min_samples", s.min_samples},
            {"confidence", BootstrapSettings{}.confidence},
            {"speedup",
             "how many times faster new is than baseline (> 1: faster): baseline/new median for "
             "lower-is-better metrics, new/baseline for higher-is-better ones"}};
}

}  // namespace

std::string render_compare_json(const CompareReport& report) {
    json files = json::array(), sets = json::array();
    for (const SourceInfo& s : report.sources) files.push_back(source_json(s));
    for (const ComparedSet& set : report.sets) sets.push_back(set_json(set));
    json doc = {{"format", "perfmatrix-compare"},
                {"format_version", json_format_version},
                {"mode", report.axis.empty() ? "files" : "axis"},
                {"settings", settings_json(report)},
                {"files", files},
                {"comparisons", sets}};
    if (!report.axis.empty()) {
        doc["axis"] = report.axis;
        doc["baseline_value"] = report.baseline;
        doc["cases_without_axis"] = report.cases_without_axis;
    }
    return doc.dump(2) + "\n";
}

}  // namespace perfmatrix
