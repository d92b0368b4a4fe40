#include "analysis/compare/axis_matching.hpp"

#include "analysis/view/axis_labels.hpp"
#include "analysis/view/benchmark_view.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>  // fmt::join moved here in fmt 11

#include <algorithm>
#include <map>
#include <stdexcept>

namespace perfmatrix {

namespace {

const std::string* value_on(const CaseRecord& c, const std::string& axis) {
    for (const AxisValue& a : c.axes)
        if (a.axis == axis) return &a.value;
    return nullptr;
}

// What must be equal for two cases to differ only in `axis`: the benchmark and every other
// axis value. NUL separates fields: it cannot occur in names or values (the job loader
// refuses it).
std::string key_without(const CaseRecord& c, const std::string& axis) {
    std::vector<std::string> parts;
    for (const AxisValue& a : c.axes)
        if (a.axis != axis) parts.push_back(a.axis + '=' + a.value);
    std::sort(parts.begin(), parts.end());
    std::string key = c.benchmark;
    for (const std::string& p : parts) key += '\0' + p;
    return key;
}

std::vector<const CaseRecord*> report_order(const Results& r) {
    std::vector<const CaseRecord*> out;
    for (const BenchmarkView& b : group_benchmarks(r)) out.insert(out.end(), b.cases.begin(), b.cases.end());
    return out;
}

std::vector<std::string> values_in_order(const std::vector<const CaseRecord*>& cases, const std::string& axis) {
    std::vector<std::string> values;
    for (const CaseRecord* c : cases)
        if (const std::string* v = value_on(*c, axis); v && std::find(values.begin(), values.end(), *v) == values.end())
            values.push_back(*v);
    return values;
}

std::string quoted_list(const std::vector<std::string>& values) {
    std::vector<std::string> q;
    for (const std::string& v : values) q.push_back("'" + v + "'");
    return fmt::format("{}", fmt::join(q, ", "));
}

std::vector<std::string> matching_labels(const std::vector<std::string>& values, const AxisLabels& labels,
                                         const std::string& wanted, bool prefix) {
    std::vector<std::string> out;
    for (const std::string& v : values) {
        const std::string& l = labels.label(v);
        if (prefix ? l.size() > wanted.size() && l.starts_with(wanted) && l[wanted.size()] == '.' : l == wanted)
            out.push_back(v);
    }
    return out;
}

// The pairs for one non-baseline value, as match_by_id orders them: the baseline's cases in
// report order, each with its counterpart or none, then the value's cases without a baseline.
std::vector<CasePair> pairs_for(const std::vector<const CaseRecord*>& cases, const std::string& axis,
                                const std::string& baseline, const std::string& value) {
    std::map<std::string, const CaseRecord*> fresh_by_key;
    for (const CaseRecord* c : cases)
        if (const std::string* v = value_on(*c, axis); v && *v == value) fresh_by_key.emplace(key_without(*c, axis), c);
    std::vector<CasePair> pairs;
    for (const CaseRecord* c : cases) {
        const std::string* v = value_on(*c, axis);
        if (!v || *v != baseline) continue;
        const auto fresh = fresh_by_key.find(key_without(*c, axis));
        if (fresh == fresh_by_key.end()) {
            pairs.push_back({c, nullptr});
        } else {
            pairs.push_back({c, fresh->second});
            fresh_by_key.erase(fresh);
        }
    }
    for (const CaseRecord* c : cases)
        if (const std::string* v = value_on(*c, axis); v && *v == value && fresh_by_key.contains(key_without(*c, axis)))
            pairs.push_back({nullptr, c});
    return pairs;
}

}  // namespace

std::string resolve_axis_value(const std::string& axis, const std::vector<std::string>& values,
                               const std::string& wanted) {
    if (std::find(values.begin(), values.end(), wanted) != values.end()) return wanted;
    const AxisLabels labels = make_axis_labels(axis, values);
    for (const bool prefix : {false, true}) {
        const std::vector<std::string> found = matching_labels(values, labels, wanted, prefix);
        if (found.size() == 1) return found.front();
        if (found.size() > 1)
            throw std::invalid_argument(fmt::format("--baseline '{}' is ambiguous on axis '{}': it matches {}", wanted,
                                                    axis, quoted_list(found)));
    }
    throw std::invalid_argument(fmt::format("--baseline '{}': no case has {}='{}'; the values of '{}' are {}", wanted,
                                            axis, wanted, axis, quoted_list(values)));
}

AxisMatching match_by_axis(const Results& r, const std::string& axis, const std::string& baseline) {
    const std::vector<const CaseRecord*> cases = report_order(r);
    const std::vector<std::string> values = values_in_order(cases, axis);
    if (values.empty())
        throw std::invalid_argument(fmt::format("--axis '{}': no case of this file has that axis", axis));
    AxisMatching m;
    m.axis = axis;
    m.baseline = resolve_axis_value(axis, values, baseline);
    if (values.size() == 1)
        throw std::invalid_argument(
            fmt::format("--axis '{}': '{}' is its only value, nothing to compare it with", axis, m.baseline));
    for (const CaseRecord* c : cases)
        if (!value_on(*c, axis)) ++m.cases_without_axis;
    for (const std::string& v : values)
        if (v != m.baseline) m.values.push_back({v, pairs_for(cases, axis, m.baseline, v)});
    return m;
}

}  // namespace perfmatrix
