#include "analysis/compare/compare_report.hpp"

#include "analysis/compare/axis_matching.hpp"
#include "analysis/compare/case_matching.hpp"
#include "analysis/stats/parallel_for.hpp"
#include "analysis/text/text.hpp"
#include "analysis/view/benchmark_view.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <stdexcept>
#include <unordered_map>

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

// A set's pairs sorted out: labels, the pairs that cannot be compared (with why), and room for
// a row per pair that can; `comparable` gets those, in order.
void sort_pairs(const std::vector<CasePair>& pairs, ComparedSet& set, const std::string& base_missing,
                const std::string& new_missing, std::vector<const CasePair*>& comparable) {
    set.labels = labels_of(pairs);
    for (const CasePair& p : pairs) {
        if (std::string why = why_not_compared(p, base_missing, new_missing); !why.empty())
            set.not_compared.push_back({p, std::move(why)});
        else
            comparable.push_back(&p);
    }
    set.rows.resize(comparable.size());
}

// One row to compute: sets[set].rows[row] from `pair`.
struct PairTask {
    std::size_t set, row;
    const CasePair* pair;
};

// The comparable pairs of every set, grouped by baseline case in order of first appearance.
std::vector<std::vector<PairTask>> group_by_baseline(const std::vector<std::vector<const CasePair*>>& comparable) {
    std::vector<std::vector<PairTask>> groups;
    std::unordered_map<const CaseRecord*, std::size_t> group_of;
    for (std::size_t s = 0; s < comparable.size(); ++s)
        for (std::size_t i = 0; i < comparable[s].size(); ++i) {
            const CasePair* p = comparable[s][i];
            const auto [at, added] = group_of.emplace(p->base, groups.size());
            if (added) groups.emplace_back();
            groups[at->second].push_back({s, i, p});
        }
    return groups;
}

// Every row of every set. A group loads its baseline case once and each new case in turn, so
// a thread holds at most two cases' samples (and their sorted copies) at a time.
void compare_rows(std::vector<ComparedSet>& sets, const std::vector<std::vector<const CasePair*>>& comparable,
                  const CompareSettings& settings, const CaseLoader& load_base,
                  const std::vector<CaseLoader>& load_new) {
    const std::vector<std::vector<PairTask>> groups = group_by_baseline(comparable);
    parallel_for(groups.size(), [&](std::size_t g) {
        const std::shared_ptr<const CaseRecord> base = load_base(*groups[g].front().pair->base);
        MeasuredCache base_measured;
        for (const PairTask& t : groups[g]) {
            const std::shared_ptr<const CaseRecord> fresh = load_new[t.set](*t.pair->fresh);
            MeasuredCache new_measured;
            CaseComparison row = compare_pair({base.get(), fresh.get()}, settings, base_measured, new_measured);
            row.pair = *t.pair;  // the records the report outlives, not the loaded copies
            sets[t.set].rows[t.row] = std::move(row);
        }
    });
}

void summarize_set(ComparedSet& set, const CompareSettings& settings) {
    set.categories = summarize_categories(set.rows);
    set.overall = summarize_all(set.rows);
    set.improvements = largest_changes(set.rows, Verdict::faster, settings.top);
    set.regressions = largest_changes(set.rows, Verdict::slower, settings.top);
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
    for (const ResultsSource& f : files) report.sources.push_back(describe_source(f));
    std::vector<std::vector<CasePair>> pairs;  // per further file; the rows point into them
    std::vector<std::vector<const CasePair*>> comparable(files.size() - 1);
    std::vector<CaseLoader> load_new;
    for (std::size_t i = 1; i < files.size(); ++i) pairs.push_back(match_by_id(*files[0].results, *files[i].results));
    for (std::size_t i = 1; i < files.size(); ++i) {
        ComparedSet& set = report.sets.emplace_back();
        set.base_name = files[0].path;
        set.new_name = files[i].path;
        sort_pairs(pairs[i - 1], set, "only in the new file", "only in the baseline file", comparable[i - 1]);
        load_new.push_back(or_in_records(files[i].samples));
    }
    compare_rows(report.sets, comparable, settings, or_in_records(files[0].samples), load_new);
    for (ComparedSet& set : report.sets) summarize_set(set, settings);
    return report;
}

CompareReport compare_axis(const ResultsSource& file, const std::string& axis, const std::string& baseline,
                           const CompareSettings& settings) {
    const AxisMatching m = match_by_axis(*file.results, axis, baseline);
    CompareReport report;
    report.settings = settings;
    report.sources.push_back(describe_source(file));
    report.axis = axis;
    report.baseline = m.baseline;
    report.cases_without_axis = m.cases_without_axis;
    std::vector<std::string> values{m.baseline};
    for (const AxisValueMatch& v : m.values) values.push_back(v.value);
    const AxisLabels names = make_axis_labels(axis, values);
    std::vector<std::vector<const CasePair*>> comparable(m.values.size());
    for (std::size_t i = 0; i < m.values.size(); ++i) {
        ComparedSet& set = report.sets.emplace_back();
        set.base_name = axis + "=" + names.label(m.baseline);
        set.new_name = axis + "=" + names.label(m.values[i].value);
        set.hidden_axis = axis;
        const std::string base_missing = "no baseline case (" + set.base_name + ")";
        const std::string new_missing = "no " + set.new_name + " case";
        sort_pairs(m.values[i].pairs, set, base_missing, new_missing, comparable[i]);
        // The set's names use the labels over every value of the axis: so must its legend.
        set.labels[axis] = names;
    }
    const CaseLoader load = or_in_records(file.samples);
    compare_rows(report.sets, comparable, settings, load, std::vector<CaseLoader>(m.values.size(), load));
    for (ComparedSet& set : report.sets) summarize_set(set, settings);
    return report;
}

}  // namespace perfmatrix
