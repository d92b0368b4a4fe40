#include "analysis/plot/plot_data.hpp"

namespace perfmatrix {

std::optional<CompareReport> comparison_for_plots(const ResultsSource& source, std::string axis, std::string baseline) {
    if (axis.empty()) {
        const auto chosen = default_compare_axis(*source.results);
        if (!chosen) return std::nullopt;
        axis = *chosen;
    }
    if (baseline.empty()) baseline = first_axis_value(*source.results, axis);
    return compare_axis(source, axis, baseline, CompareSettings{});
}

}  // namespace perfmatrix
