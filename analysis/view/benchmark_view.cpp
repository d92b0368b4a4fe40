#include "analysis/view/benchmark_view.hpp"

#include "analysis/view/case_digest.hpp"
#include "analysis/view/case_metrics.hpp"

#include <algorithm>
#include <map>
#include <string_view>
#include <unordered_map>

namespace perfmatrix {

namespace {

const AxisValue* find_axis(const CaseRecord& c, std::string_view axis) {
    for (const AxisValue& a : c.axes)
        if (a.axis == axis) return &a;
    return nullptr;
}

std::vector<std::string> axis_names(const std::vector<const CaseRecord*>& cases) {
    std::vector<std::string> names;
    for (const CaseRecord* c : cases)
        for (const AxisValue& a : c->axes)
            if (std::find(names.begin(), names.end(), a.axis) == names.end()) names.push_back(a.axis);
    return names;
}

// The axis's distinct values, in order of first appearance.
std::vector<std::string> values_of(const std::vector<const CaseRecord*>& cases, const std::string& axis) {
    std::vector<std::string> values;
    for (const CaseRecord* c : cases) {
        const AxisValue* a = find_axis(*c, axis);
        if (a && std::find(values.begin(), values.end(), a->value) == values.end()) values.push_back(a->value);
    }
    return values;
}

using ValueRanks = std::unordered_map<std::string, long>;

// Sort key of a case: per axis, the rank of its value by first appearance (-1 if absent).
std::vector<long> appearance_key(const CaseRecord& c, const std::vector<std::string>& axes,
                                 const std::vector<ValueRanks>& ranks) {
    std::vector<long> key;
    for (std::size_t i = 0; i < axes.size(); ++i) {
        const AxisValue* a = find_axis(c, axes[i]);
        key.push_back(a ? ranks[i].at(a->value) : -1);
    }
    return key;
}

// Ranks come from every record of the benchmark, superseded ones included: those were
// committed first and so reflect the declared order best.
void sort_by_axis_values(BenchmarkView& view, const std::vector<const CaseRecord*>& all_records) {
    std::vector<ValueRanks> ranks;
    for (const std::string& axis : view.axes) {
        ValueRanks& r = ranks.emplace_back();
        for (const std::string& v : values_of(all_records, axis)) r.emplace(v, static_cast<long>(r.size()));
    }
    std::map<const CaseRecord*, std::vector<long>> keys;
    for (const CaseRecord* c : view.cases) keys[c] = appearance_key(*c, view.axes, ranks);
    std::stable_sort(view.cases.begin(), view.cases.end(),
                     [&](const CaseRecord* a, const CaseRecord* b) { return keys[a] < keys[b]; });
}

BenchmarkView& view_named(std::vector<BenchmarkView>& views, const std::string& name) {
    return *std::find_if(views.begin(), views.end(), [&](const BenchmarkView& v) { return v.name == name; });
}

}  // namespace

std::string BenchmarkView::axis_label(const CaseRecord& c, std::size_t axis) const {
    const AxisValue* a = find_axis(c, axes[axis]);
    return a ? labels[axis].label(a->value) : "-";
}

std::string BenchmarkView::describe_axes(const CaseRecord& c) const {
    std::string out;
    for (std::size_t i = 0; i < axes.size(); ++i) {
        if (find_axis(c, axes[i]) == nullptr) continue;
        if (!out.empty()) out += ", ";
        out += axes[i] + "=" + axis_label(c, i);
    }
    return out;
}

std::vector<const CaseRecord*> latest_records(const Results& r) {
    std::unordered_map<std::string, std::size_t> last;
    for (std::size_t i = 0; i < r.cases.size(); ++i) last[r.cases[i].case_id] = i;
    std::vector<const CaseRecord*> out;
    for (std::size_t i = 0; i < r.cases.size(); ++i)
        if (last[r.cases[i].case_id] == i) out.push_back(&r.cases[i]);
    return out;
}

std::vector<BenchmarkView> group_benchmarks(const Results& r, const CaseDigests* digests) {
    std::vector<BenchmarkView> views;
    for (const CaseRecord& c : r.cases) {
        const bool seen = std::any_of(views.begin(), views.end(),
                                      [&](const BenchmarkView& v) { return v.name == c.benchmark; });
        if (!seen) views.push_back({c.benchmark, c.kind, {}, {}, {}, {}, digests});
    }
    for (const CaseRecord* c : latest_records(r)) view_named(views, c->benchmark).cases.push_back(c);
    for (BenchmarkView& v : views) {
        std::vector<const CaseRecord*> all_records;
        for (const CaseRecord& c : r.cases)
            if (c.benchmark == v.name) all_records.push_back(&c);
        v.axes = axis_names(v.cases);
        for (const std::string& axis : v.axes) v.labels.push_back(make_axis_labels(axis, values_of(v.cases, axis)));
        sort_by_axis_values(v, all_records);
        v.metrics = digests ? metrics_present(v.cases, *digests) : metrics_present(v.cases);
    }
    return views;
}

}  // namespace perfmatrix
