// The shared parts of the plot data: units, the default axis, thinning, file names, and
// the assembly of every plot (plot_builders.hpp makes each kind).

#include "analysis/plot/plot_data.hpp"

#include "analysis/plot/plot_builders.hpp"
#include "analysis/stats/statistics.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>
#include <utility>

namespace perfmatrix {

namespace {

std::optional<double> seconds_per(std::string_view unit) {
    if (unit == "s") return 1.0;
    if (unit == "ms") return 1e-3;
    if (unit == "us" || unit == "µs") return 1e-6;
    if (unit == "ns") return 1e-9;
    return std::nullopt;
}

DisplayUnit duration_unit(double to_seconds, double typical) {
    static constexpr std::array<std::pair<double, const char*>, 4> scales{
        {{1.0, "s"}, {1e-3, "ms"}, {1e-6, "µs"}, {1e-9, "ns"}}};
    const double t = std::abs(typical) * to_seconds;
    for (const auto& [scale, label] : scales)
        if (t >= scale) return {to_seconds / scale, label};
    return {to_seconds / 1e-9, "ns"};
}

DisplayUnit bytes_unit(double typical) {
    static constexpr std::array<const char*, 5> labels{"B", "KiB", "MiB", "GiB", "TiB"};
    double scale = 1;
    std::size_t i = 0;
    while (i + 1 < labels.size() && std::abs(typical) >= scale * 1024) {
        scale *= 1024;
        ++i;
    }
    return {1 / scale, labels[i]};
}

// Which values an axis takes in each benchmark, in order of first appearance.
std::map<std::string, std::vector<std::string>> values_per_benchmark(const Results& r, const std::string& axis) {
    std::map<std::string, std::vector<std::string>> out;
    for (const CaseRecord& c : r.cases)
        for (const AxisValue& a : c.axes) {
            if (a.axis != axis) continue;
            auto& seen = out[c.benchmark];
            if (std::find(seen.begin(), seen.end(), a.value) == seen.end()) seen.push_back(a.value);
        }
    return out;
}

// Letters, digits and the `extra` characters kept; anything else becomes '_'.
std::string only_safe(std::string_view text, std::string_view extra) {
    std::string out;
    for (const char ch : text) {
        const bool keep = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
                          extra.find(ch) != std::string_view::npos;
        out += keep ? ch : '_';
    }
    return out;
}

bool varies(const Results& r, const std::string& axis) {
    for (const auto& [benchmark, values] : values_per_benchmark(r, axis))
        if (values.size() >= 2) return true;
    return false;
}

}  // namespace

DisplayUnit display_unit(std::string_view unit, double typical) {
    if (const auto to_seconds = seconds_per(unit)) return duration_unit(*to_seconds, typical);
    if (unit == "bytes" || unit == "B") return bytes_unit(typical);
    return {1, std::string(unit)};
}

std::optional<std::string> default_compare_axis(const Results& r) {
    if (varies(r, "python")) return "python";
    std::vector<std::string> axes;  // in order of first appearance
    for (const CaseRecord& c : r.cases)
        for (const AxisValue& a : c.axes)
            if (std::find(axes.begin(), axes.end(), a.axis) == axes.end()) axes.push_back(a.axis);
    for (const std::string& axis : axes)
        if (varies(r, axis)) return axis;
    return std::nullopt;
}

std::string first_axis_value(const Results& r, const std::string& axis) {
    for (const CaseRecord& c : r.cases)
        for (const AxisValue& a : c.axes)
            if (a.axis == axis) return a.value;
    return {};
}

std::vector<double> thin_for_plot(std::vector<double> values, std::size_t max_points) {
    std::sort(values.begin(), values.end());
    if (values.size() <= max_points || max_points < 2) return values;
    std::vector<double> out(max_points);
    for (std::size_t i = 0; i < max_points; ++i)
        out[i] = quantile_of_sorted(values, static_cast<double>(i) / static_cast<double>(max_points - 1));
    return out;
}

std::string file_stem(std::string_view name) {
    std::string out = only_safe(name, ".-_");
    // A leading dot would hide the file; an empty name would be no file at all.
    if (out.empty() || out.front() == '.') out.insert(0, "plot");
    return out;
}

PlotSet build_plot_set(const Results& r, const CompareReport* comparison, const PlotLimits& limits) {
    PlotSet set;
    FileNames names;
    if (comparison) {
        if (auto summary = build_speedup_summary(*comparison, names)) set.summaries.push_back(std::move(*summary));
        if (auto heatmap = build_heatmap(*comparison, names)) set.heatmaps.push_back(std::move(*heatmap));
        set.forests = build_forests(*comparison, names);
    }
    const std::string axis = comparison ? comparison->axis : std::string{};
    const std::optional<RunSpan> span = run_span(r);
    for (const BenchmarkView& view : group_benchmarks(r)) {
        if (auto d = build_distribution(view, axis, limits, names)) set.distributions.push_back(std::move(*d));
        if (span)
            if (auto t = build_timeline(view, *span, limits, names)) set.timelines.push_back(std::move(*t));
        if (auto t = build_throughput(view, names)) set.throughput.push_back(std::move(*t));
        if (auto i = build_imports(view, limits, names)) set.imports.push_back(std::move(*i));
    }
    set.tax = build_tax_plots(r, names);
    return set;
}

std::vector<std::string> PlotSet::files() const {
    std::vector<std::string> out;
    auto add = [&out](const auto& plots) {
        for (const auto& p : plots) out.push_back(p.file);
    };
    add(summaries);
    add(heatmaps);
    add(forests);
    add(distributions);
    add(timelines);
    add(throughput);
    add(imports);
    add(tax);
    return out;
}

std::string svg_id_prefix(std::string_view file) { return only_safe(file, "-_") + "-"; }

std::string FileNames::unique(std::string_view name) {
    const std::string stem = file_stem(name);
    std::string candidate = stem;
    for (int i = 2; !taken.insert(candidate).second; ++i) candidate = stem + "-" + std::to_string(i);
    return candidate;
}

}  // namespace perfmatrix
