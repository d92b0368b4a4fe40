// The import-time breakdown: per case (interpreter), the median import time of each module
// from the `-X importtime` components of python_workload's importtime cases.

#include "analysis/plot/plot_builders.hpp"

#include "analysis/stats/statistics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace perfmatrix {

namespace {

using ModuleMedians = std::map<std::string, double>;  // module -> median over measured samples

ModuleMedians medians_of(const CaseRecord& c, const std::string& metric) {
    std::map<std::string, std::vector<double>> values;
    for (const ComponentSample& s : c.components)
        if (!s.warmup && s.metric == metric && s.unit == "s" && !std::isnan(s.value))
            values[s.component].push_back(s.value);
    ModuleMedians out;
    for (const auto& [module, v] : values) out.emplace(module, summarize(v).median);
    return out;
}

// The `count` modules with the largest median in any case, largest first.
std::vector<std::string> top_modules(const std::vector<ModuleMedians>& cases, std::size_t count) {
    std::map<std::string, double> largest;
    for (const ModuleMedians& m : cases)
        for (const auto& [module, median] : m) largest[module] = std::max(largest[module], median);
    std::vector<std::pair<std::string, double>> ranked(largest.begin(), largest.end());
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    std::vector<std::string> out;
    for (std::size_t i = 0; i < ranked.size() && i < count; ++i) out.push_back(ranked[i].first);
    return out;
}

// The axes whose value differs between the plotted cases: what the bars compare.
std::vector<std::size_t> varying_axes(const BenchmarkView& view, const std::vector<const CaseRecord*>& cases) {
    std::vector<std::size_t> out;
    for (std::size_t a = 0; a < view.axes.size(); ++a)
        for (const CaseRecord* c : cases)
            if (view.axis_label(*c, a) != view.axis_label(*cases.front(), a)) {
                out.push_back(a);
                break;
            }
    return out;
}

// "3.12.1" when only the interpreter differs (workload=importtime in every bar says nothing),
// "python=3.12.1, flag=-X" when several axes do; every axis when none does (a single bar).
std::string bar_label(const BenchmarkView& view, const CaseRecord& c, const std::vector<std::size_t>& varying) {
    if (varying.size() == 1) return view.axis_label(c, varying.front());
    std::string out;
    for (const std::size_t a : varying) out += (out.empty() ? "" : ", ") + view.axes[a] + "=" + view.axis_label(c, a);
    if (out.empty()) out = view.describe_axes(c);
    return out.empty() ? c.benchmark : out;
}

double get_or(const ModuleMedians& m, const std::string& module, double fallback) {
    const auto it = m.find(module);
    return it == m.end() ? fallback : it->second;
}

}  // namespace

std::optional<ImportPlot> build_imports(const BenchmarkView& view, const PlotLimits& limits, FileNames& names) {
    ImportPlot p;
    p.benchmark = view.name;
    std::vector<ModuleMedians> self, cumulative;
    std::vector<const CaseRecord*> plotted;
    for (const CaseRecord* c : view.cases) {
        if (c->status != status::ok) continue;
        ModuleMedians s = medians_of(*c, "import_self");
        if (s.empty()) continue;
        plotted.push_back(c);
        self.push_back(std::move(s));
        cumulative.push_back(medians_of(*c, "import_cumulative"));
    }
    if (self.empty()) return std::nullopt;
    const std::vector<std::size_t> varying = varying_axes(view, plotted);
    for (const CaseRecord* c : plotted) p.cases.push_back(bar_label(view, *c, varying));
    p.self_modules = top_modules(self, limits.top_modules);
    std::size_t others = 0;  // modules outside the top in at least one case
    {
        std::map<std::string, bool> all;
        for (const ModuleMedians& m : self)
            for (const auto& [module, v] : m) all[module] = true;
        others = all.size() - p.self_modules.size();
    }
    double largest_total = 0;
    for (const ModuleMedians& m : self) {
        std::vector<double> row;
        double total = 0, top = 0;
        for (const std::string& module : p.self_modules) row.push_back(get_or(m, module, 0.0));
        for (const auto& [module, v] : m) total += v;
        for (const double v : row) top += v;
        if (others > 0) row.push_back(std::max(0.0, total - top));
        largest_total = std::max(largest_total, total);
        p.self.push_back(std::move(row));
    }
    if (others > 0) p.self_modules.push_back("other (" + std::to_string(others) + " modules)");
    p.cumulative_modules = top_modules(cumulative, limits.top_modules);
    for (const ModuleMedians& m : cumulative) {
        std::vector<double> row;
        for (const std::string& module : p.cumulative_modules)
            row.push_back(get_or(m, module, std::numeric_limits<double>::quiet_NaN()));
        p.cumulative.push_back(std::move(row));
    }
    p.unit = display_unit("s", largest_total);
    for (auto* table : {&p.self, &p.cumulative})
        for (std::vector<double>& row : *table)
            for (double& v : row) v *= p.unit.factor;
    p.title = view.name + ": import time per module (median of measured runs)";
    p.file = names.unique("imports-" + view.name);
    return p;
}

}  // namespace perfmatrix
