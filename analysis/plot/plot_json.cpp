#include "analysis/plot/plot_json.hpp"

#include <nlohmann/json.hpp>

#include <cmath>

namespace perfmatrix {

namespace {

using nlohmann::json;

json number_or_null(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }

json numbers(const std::vector<double>& values) {
    json out = json::array();
    for (const double v : values) out.push_back(number_or_null(v));
    return out;
}

json table(const std::vector<std::vector<double>>& rows) {
    json out = json::array();
    for (const auto& row : rows) out.push_back(numbers(row));
    return out;
}

json unit_json(const DisplayUnit& u) { return {{"label", u.label}, {"factor", u.factor}}; }

json heatmap_json(const HeatmapPlot& h) {
    json cells = json::array();
    for (const auto& row : h.speedup) {
        json r = json::array();
        for (const auto& v : row) r.push_back(v ? number_or_null(*v) : json(nullptr));
        cells.push_back(std::move(r));
    }
    return {{"type", "heatmap"},           {"file", h.file},       {"title", h.title},
            {"baseline", h.baseline},      {"columns", h.columns}, {"rows", h.rows},
            {"speedup", std::move(cells)}, {"verdict", h.verdict}};
}

json distribution_json(const DistributionPlot& d) {
    return {{"type", "distribution"},    {"file", d.file},     {"title", d.title},          {"metric", d.metric},
            {"unit", unit_json(d.unit)}, {"labels", d.labels}, {"values", table(d.values)}, {"counts", d.counts}};
}

json throughput_json(const ThroughputPlot& t) {
    json series = json::array();
    for (const ThroughputSeries& s : t.series)
        series.push_back({{"label", s.label},
                          {"x", numbers(s.x)},
                          {"median", numbers(s.median)},
                          {"low", numbers(s.low)},
                          {"high", numbers(s.high)}});
    return {{"type", "throughput"},       {"file", t.file},     {"title", t.title},
            {"x_axis", t.x_axis},         {"metric", t.metric}, {"unit", unit_json(t.unit)},
            {"series", std::move(series)}};
}

json imports_json(const ImportPlot& p) {
    return {{"type", "imports"},
            {"file", p.file},
            {"title", p.title},
            {"unit", unit_json(p.unit)},
            {"cases", p.cases},
            {"self_modules", p.self_modules},
            {"self", table(p.self)},
            {"cumulative_modules", p.cumulative_modules},
            {"cumulative", table(p.cumulative)}};
}

json tax_json(const TaxPlot& t) {
    json series = json::array();
    for (const TaxSeries& s : t.series)
        series.push_back({{"label", s.label},
                          {"x", numbers(s.x)},
                          {"ratio", numbers(s.ratio)},
                          {"low", numbers(s.low)},
                          {"high", numbers(s.high)}});
    return {{"type", "tax"}, {"file", t.file}, {"title", t.title}, {"op", t.op}, {"series", std::move(series)}};
}

}  // namespace

std::string plot_set_json(const PlotSet& plots) {
    json list = json::array();
    for (const auto& h : plots.heatmaps) list.push_back(heatmap_json(h));
    for (const auto& d : plots.distributions) list.push_back(distribution_json(d));
    for (const auto& t : plots.throughput) list.push_back(throughput_json(t));
    for (const auto& p : plots.imports) list.push_back(imports_json(p));
    for (const auto& t : plots.tax) list.push_back(tax_json(t));
    // Strings come from the results file: replace invalid UTF-8 rather than fail the whole plot run.
    return json{{"format_version", 1}, {"plots", std::move(list)}}.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace perfmatrix
