// The version story: how much faster each compared value is, per category (the summary) and
// per case (a forest plot per value), with the numbers `perfmatrix compare` reports.

#include "analysis/plot/plot_builders.hpp"

#include <algorithm>
#include <map>

namespace perfmatrix {

namespace {

// The categories of every set, in the order the sets list them (summarize_categories').
std::vector<std::string> all_categories(const CompareReport& report) {
    std::vector<std::string> out;
    for (const ComparedSet& set : report.sets)
        for (const GroupSummary& g : set.categories)
            if (std::find(out.begin(), out.end(), g.name) == out.end()) out.push_back(g.name);
    return out;
}

const GroupSummary* group_named(const ComparedSet& set, const std::string& name) {
    if (name == set.overall.name) return &set.overall;
    for (const GroupSummary& g : set.categories)
        if (g.name == name) return &g;
    return nullptr;
}

}  // namespace

std::optional<SpeedupSummaryPlot> build_speedup_summary(const CompareReport& report, FileNames& names) {
    // Only the values with a geomean somewhere: one that shares no case with the baseline
    // would be an empty column.
    std::vector<const ComparedSet*> columns;
    std::vector<std::string> values;
    for (const ComparedSet& set : report.sets)
        if (set.overall.speedup) {
            columns.push_back(&set);
            values.push_back(compared_label(report, set));
        }
    if (columns.empty()) return std::nullopt;
    SpeedupSummaryPlot p;
    p.axis = report.axis;
    p.baseline = report.sets.front().base_name;
    p.values = std::move(values);
    p.groups = all_categories(report);
    p.groups.push_back(report.sets.front().overall.name);
    for (const std::string& group : p.groups) {
        auto& geomean = p.geomean.emplace_back(columns.size());
        auto& low = p.low.emplace_back(columns.size());
        auto& high = p.high.emplace_back(columns.size());
        auto& cases = p.cases.emplace_back(columns.size());
        for (std::size_t col = 0; col < columns.size(); ++col) {
            const GroupSummary* g = group_named(*columns[col], group);
            if (g == nullptr || !g->speedup) continue;
            geomean[col] = g->speedup->value;
            low[col] = g->speedup->low;
            high[col] = g->speedup->high;
            cases[col] = g->speedup->count;
        }
    }
    p.title = "Geometric-mean speed-up per category against " + p.baseline;
    p.file = names.unique(report.axis.empty() ? "summary-files" : "summary-" + report.axis);
    return p;
}

std::vector<ForestPlot> build_forests(const CompareReport& report, FileNames& names) {
    std::vector<ForestPlot> out;
    const std::vector<std::string> categories = all_categories(report);
    auto category_rank = [&categories](const std::string& name) {
        return std::find(categories.begin(), categories.end(), name) - categories.begin();
    };
    for (std::size_t col = 0; col < report.sets.size(); ++col) {
        const ComparedSet& set = report.sets[col];
        ForestPlot f;
        f.baseline = set.base_name;
        f.compared = compared_label(report, set);
        f.set = col;
        for (const CaseComparison& row : set.rows) {
            if (!row.speedup) continue;  // no ratio: the verdict table says why
            f.rows.push_back({compared_row_label(set, shown_case(row.pair)), row.category,
                              std::string(verdict_name(row.comparison.verdict)), row.speedup->value, row.speedup->low,
                              row.speedup->high});
        }
        if (f.rows.empty()) continue;
        std::stable_sort(f.rows.begin(), f.rows.end(), [&](const ForestRow& a, const ForestRow& b) {
            const auto ra = category_rank(a.category), rb = category_rank(b.category);
            return ra != rb ? ra < rb : a.speedup > b.speedup;
        });
        f.title = set.new_name + " against " + set.base_name + ": speed-up per case";
        // A long value (an interpreter's path) names the file by its place instead.
        const bool short_value = f.compared.size() <= 24;
        f.file = names.unique(report.axis.empty() ? "forest-file-" + std::to_string(col + 2)
                                                  : "forest-" + report.axis + "-" +
                                                        (short_value ? f.compared : std::to_string(col + 1)));
        out.push_back(std::move(f));
    }
    return out;
}

}  // namespace perfmatrix
