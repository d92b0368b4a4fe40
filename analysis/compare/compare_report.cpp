#include "analysis/compare/compare_report.hpp"

#include "analysis/compare/axis_matching.hpp"
#include "analysis/compare/case_matching.hpp"
#include "analysis/stats/parallel_for.hpp"
#include "analysis/text/text.hpp"
#include "analysis/view/benchmark_view.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

namespace perfmatrix {

namespace {

// Wide enough for a status and the gist of its reason, narrow enough for one line.
constexpr std::size_t reason_width = 100;

std::string status_text(const char* side, const CaseRecord& c) {
    const std::string reason = elide_middle(flatten_lines(c.reason), reason_width);
    return fmt::format("{} {}{}", side, c.status, reason.empty() ? "" : ": " + reason);
}

// Why a pair has no comparison, or "" when it can be compared.
std::string why_not_compared(const CasePair& p, const std::string& base_missing, const std::string& new_missing) {
    if (!p.base) return base_missing;
    if (!p.fresh) return new_missing;
    const bool base_ok = p.base->status == status::ok, new_ok = p.fresh->status == status::ok;
    if (base_ok && new_ok) return {};
    if (!base_ok && !new_ok) return status_text("baseline", *p.base) + "; " + status_text("new", *p.fresh);
    return base_ok ? status_text("new", *p.fresh) : status_text("baseline", *p.base);
}

std::map<std::string, AxisLabels> labels_of(const std::vector<CasePair>& pairs) {
    std::map<std::string, std::vector<std::string>> values;
    for (const CasePair& p : pairs)
        for (const CaseRecord* c : {p.base, p.fresh})
            if (c)
                for (const AxisValue& a : c->axes) {
                    auto& v = values[a.axis];
                    if (std::find(v.begin(), v.end(), a.value) == v.end()) v.push_back(a.value);
                }
    std::map<std::string, AxisLabels> out;
    for (const auto& [axis, v] : values) out.emplace(axis, make_axis_labels(axis, v));
    return out;
}

ComparedSet compare_set(const std::vector<CasePair>& pairs, ComparedSet set, const std::string& base_missing,
                        const std::string& new_missing, const CompareSettings& settings, MeasuredCache& measured) {
    set.labels = labels_of(pairs);
    std::vector<const CasePair*> comparable;
    for (const CasePair& p : pairs) {
        if (std::string why = why_not_compared(p, base_missing, new_missing); !why.empty())
            set.not_compared.push_back({p, std::move(why)});
        else
            comparable.push_back(&p);
    }
    set.rows.resize(comparable.size());
    parallel_for(comparable.size(),
                 [&](std::size_t i) { set.rows[i] = compare_pair(*comparable[i], settings, measured); });
    set.categories = summarize_categories(set.rows);
    set.overall = summarize_all(set.rows);
    set.improvements = largest_changes(set.rows, Verdict::faster, settings.top);
    set.regressions = largest_changes(set.rows, Verdict::slower, settings.top);
    return set;
}

}  // namespace

std::string ComparedSet::describe_axes(const CaseRecord& c) const {
    std::string out;
    for (const AxisValue& a : c.axes) {
        if (a.axis == hidden_axis) continue;
        const auto l = labels.find(a.axis);
        if (!out.empty()) out += ", ";
        out += a.axis + "=" + (l == labels.end() ? a.value : l->second.label(a.value));
    }
    return out;
}

std::vector<std::string> ComparedSet::legend() const {
    std::vector<std::string> lines;
    for (const auto& [axis, l] : labels) lines.insert(lines.end(), l.legend.begin(), l.legend.end());
    return lines;
}

const CaseRecord& shown_case(const CasePair& pair) { return pair.fresh ? *pair.fresh : *pair.base; }

SourceInfo describe_source(const ResultsSource& source) {
    const Results& r = *source.results;
    SourceInfo s;
    s.path = source.path;
    s.note = source.note;
    s.runs = source.runs;
    s.job_path = r.meta.job_path;
    s.job_hash = r.meta.job_hash;
    s.tool_version = r.meta.tool_version;
    s.cases = latest_records(r).size();
    s.planned = r.meta.planned_cases;
    s.last_status = r.invocations.empty() ? "" : r.invocations.back().status;
    s.partial = s.cases < static_cast<std::size_t>(std::max(0, s.planned)) || s.last_status != "completed";
    return s;
}

CompareReport compare_files(const std::vector<ResultsSource>& files, const CompareSettings& settings) {
    if (files.size() < 2)
        throw std::invalid_argument("compare: a baseline file and at least one file to compare with it are needed");
    CompareReport report;
    report.settings = settings;
    MeasuredCache measured;  // the baseline's cases meet every further file
    for (const ResultsSource& f : files) report.sources.push_back(describe_source(f));
    for (std::size_t i = 1; i < files.size(); ++i) {
        ComparedSet set;
        set.base_name = files[0].path;
        set.new_name = files[i].path;
        report.sets.push_back(compare_set(match_by_id(*files[0].results, *files[i].results), std::move(set),
                                          "only in the new file", "only in the baseline file", settings, measured));
    }
    return report;
}

CompareReport compare_axis(const ResultsSource& file, const std::string& axis, const std::string& baseline,
                           const CompareSettings& settings) {
    const AxisMatching m = match_by_axis(*file.results, axis, baseline);
    MeasuredCache measured;  // the baseline value's cases meet every other value
    CompareReport report;
    report.settings = settings;
    report.sources.push_back(describe_source(file));
    report.axis = axis;
    report.baseline = m.baseline;
    report.cases_without_axis = m.cases_without_axis;
    std::vector<std::string> values{m.baseline};
    for (const AxisValueMatch& v : m.values) values.push_back(v.value);
    const AxisLabels names = make_axis_labels(axis, values);
    for (const AxisValueMatch& v : m.values) {
        ComparedSet set;
        set.base_name = axis + "=" + names.label(m.baseline);
        set.new_name = axis + "=" + names.label(v.value);
        set.hidden_axis = axis;
        const std::string base_missing = "no baseline case (" + set.base_name + ")";
        const std::string new_missing = "no " + set.new_name + " case";
        report.sets.push_back(compare_set(v.pairs, std::move(set), base_missing, new_missing, settings, measured));
        // The set's names use the labels over every value of the axis: so must its legend.
        report.sets.back().labels[axis] = names;
    }
    return report;
}

}  // namespace perfmatrix
