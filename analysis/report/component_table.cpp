#include "analysis/report/component_table.hpp"

#include "analysis/stats/statistics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

namespace perfmatrix {

namespace {

bool has_metric(const CaseRecord& c, const std::string& metric) {
    return std::any_of(c.components.begin(), c.components.end(),
                       [&](const ComponentSample& s) { return s.metric == metric; });
}

// Components a case reports at depth 0. With -X importtime a module imported by another one
// sits deeper; listing only the top level keeps the table to what was asked for (plus what
// start-up itself imports), and each row's cumulative time already includes its children.
std::set<std::string> top_level(const CaseRecord& c) {
    std::set<std::string> names;
    for (const ComponentSample& s : c.components)
        if (s.metric == "depth" && !s.warmup && s.value == 0) names.insert(s.component);
    return names;
}

bool reports_depth(const CaseRecord& c) { return has_metric(c, "depth"); }

// component -> median of the case's measured samples of `metric`.
std::map<std::string, double> medians_of(const CaseRecord& c, const std::string& metric) {
    std::map<std::string, std::vector<double>> values;
    for (const ComponentSample& s : c.components)
        if (s.metric == metric && !s.warmup) values[s.component].push_back(s.value);
    std::map<std::string, double> out;
    for (auto& [name, v] : values) {
        std::sort(v.begin(), v.end());
        out[name] = quantile_of_sorted(v, 0.5);
    }
    return out;
}

}  // namespace

std::string breakdown_metric(const BenchmarkView& b) {
    std::string first;
    for (const CaseRecord* c : b.cases) {
        if (has_metric(*c, "import_cumulative")) return "import_cumulative";
        if (first.empty() && !c->components.empty()) first = c->components.front().metric;
    }
    return first;
}

ComponentTable component_table(const BenchmarkView& b, const std::string& metric, std::size_t max_rows) {
    ComponentTable t;
    t.metric = metric;
    std::vector<std::map<std::string, double>> per_case;
    std::map<std::string, double> largest;  // row order: a component's largest median over cases
    for (const CaseRecord* c : b.cases) {
        if (c->status != status::ok || !has_metric(*c, metric)) continue;
        if (t.unit.empty())
            for (const ComponentSample& s : c->components)
                if (s.metric == metric) {
                    t.unit = s.unit;
                    break;
                }
        const bool filter = reports_depth(*c);
        const std::set<std::string> keep = filter ? top_level(*c) : std::set<std::string>{};
        std::map<std::string, double> m = medians_of(*c, metric);
        if (filter) std::erase_if(m, [&](const auto& kv) { return !keep.contains(kv.first); });
        for (const auto& [name, value] : m) largest[name] = std::max(largest[name], value);
        t.cases.push_back(c);
        per_case.push_back(std::move(m));
    }
    std::vector<std::pair<std::string, double>> rows(largest.begin(), largest.end());
    std::stable_sort(rows.begin(), rows.end(), [](const auto& x, const auto& y) { return x.second > y.second; });
    if (rows.size() > max_rows) {
        t.left_out = rows.size() - max_rows;
        rows.resize(max_rows);
    }
    for (const auto& [name, _] : rows) {
        t.components.push_back(name);
        std::vector<double>& line = t.medians.emplace_back();
        for (const auto& m : per_case) {
            const auto it = m.find(name);
            line.push_back(it == m.end() ? std::numeric_limits<double>::quiet_NaN() : it->second);
        }
    }
    return t;
}

}  // namespace perfmatrix
