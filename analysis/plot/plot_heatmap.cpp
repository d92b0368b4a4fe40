// The speed-up heatmap: compared cases × compared values (or files), from the comparison
// `perfmatrix compare` makes, so both show the same numbers.

#include "analysis/plot/plot_builders.hpp"

#include <algorithm>
#include <map>

namespace perfmatrix {

namespace {

// A row is a case apart from the compared axis: the same row in every set. Keyed by full
// values (each set shortens labels over its own pairs, so labels may differ between sets).
std::string row_key(const CaseRecord& c, const std::string& hidden_axis) {
    std::string key = c.benchmark;
    for (const AxisValue& a : c.axes)
        if (a.axis != hidden_axis) key += '\x1f' + a.axis + '=' + a.value;
    return key;
}

}  // namespace

std::string compared_row_label(const ComparedSet& set, const CaseRecord& c) {
    const std::string axes = set.describe_axes(c);
    return axes.empty() ? c.benchmark : c.benchmark + ": " + axes;
}

std::string compared_label(const CompareReport& report, const ComparedSet& set) {
    const std::string prefix = report.axis + "=";
    if (!report.axis.empty() && set.new_name.starts_with(prefix)) return set.new_name.substr(prefix.size());
    return set.new_name;
}

std::optional<HeatmapPlot> build_heatmap(const CompareReport& report, FileNames& names) {
    if (report.sets.empty()) return std::nullopt;
    HeatmapPlot h;
    const ComparedSet& first = report.sets.front();
    h.baseline = first.base_name;
    h.title = report.axis.empty() ? "Speed-up against " + first.base_name
                                  : "Speed-up against " + first.base_name + " (> 1: faster)";
    h.file = names.unique(report.axis.empty() ? "speedup-files" : "speedup-" + report.axis);
    std::map<std::string, std::size_t> row_of;
    for (const ComparedSet& set : report.sets) h.columns.push_back(compared_label(report, set));
    for (std::size_t col = 0; col < report.sets.size(); ++col) {
        const ComparedSet& set = report.sets[col];
        for (const CaseComparison& row : set.rows) {
            const CaseRecord& c = shown_case(row.pair);
            const auto [it, fresh] = row_of.emplace(row_key(c, set.hidden_axis), h.rows.size());
            if (fresh) {
                h.rows.push_back(compared_row_label(set, c));
                h.speedup.emplace_back(h.columns.size());
                h.verdict.emplace_back(h.columns.size());
            }
            if (row.speedup) h.speedup[it->second][col] = row.speedup->value;
            h.verdict[it->second][col] = std::string(verdict_name(row.comparison.verdict));
        }
    }
    if (h.rows.empty()) return std::nullopt;
    return h;
}

}  // namespace perfmatrix
