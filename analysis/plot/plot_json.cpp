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

json optional_number(const std::optional<double>& v) { return v ? number_or_null(*v) : json(nullptr); }

json optional_table(const std::vector<std::vector<std::optional<double>>>& rows) {
    json out = json::array();
    for (const auto& row : rows) {
        json r = json::array();
        for (const auto& v : row) r.push_back(optional_number(v));
        out.push_back(std::move(r));
    }
    return out;
}

json summary_json(const SpeedupSummaryPlot& p) {
    return {{"type", "summary"},
            {"file", p.file},
            {"title", p.title},
            {"baseline", p.baseline},
            {"axis", p.axis},
            {"values", p.values},
            {"groups", p.groups},
            {"geomean", optional_table(p.geomean)},
            {"low", optional_table(p.low)},
            {"high", optional_table(p.high)},
            {"cases", p.cases}};
}

json forest_json(const ForestPlot& f) {
    json rows = json::array();
    for (const ForestRow& r : f.rows)
        rows.push_back({{"label", r.label},
                        {"category", r.category},
                        {"verdict", r.verdict},
                        {"speedup", number_or_null(r.speedup)},
                        {"low", number_or_null(r.low)},
                        {"high", number_or_null(r.high)}});
    return {{"type", "forest"},       {"file", f.file},         {"title", f.title},
            {"baseline", f.baseline}, {"compared", f.compared}, {"rows", std::move(rows)}};
}

json distribution_json(const DistributionPlot& d) {
    json panels = json::array();
    for (const DistributionPanel& p : d.panels)
        panels.push_back({{"title", p.title},
                          {"unit", unit_json(p.unit)},
                          {"log_scale", p.log_scale},
                          {"labels", p.labels},
                          {"values", table(p.values)},
                          {"counts", p.counts},
                          {"medians", numbers(p.medians)}});
    return {{"type", "distribution"}, {"file", d.file}, {"title", d.title},
            {"metric", d.metric},     {"axis", d.axis}, {"panels", std::move(panels)}};
}

json timeline_json(const TimelinePlot& t) {
    json panels = json::array();
    for (const TimelinePanel& p : t.panels) {
        json rounds = json::array();
        for (const TimelineRound& r : p.rounds)
            rounds.push_back({{"round", r.round},
                              {"start", number_or_null(r.start)},
                              {"end", number_or_null(r.end)},
                              {"median", number_or_null(r.median)}});
        panels.push_back({{"case_id", p.case_id},
                          {"label", p.label},
                          {"anchor", p.anchor},
                          {"unit", unit_json(p.unit)},
                          {"time", numbers(p.time)},
                          {"value", numbers(p.value)},
                          {"round", p.round},
                          {"rounds", std::move(rounds)}});
    }
    return {{"type", "timeline"}, {"file", t.file},         {"title", t.title},
            {"metric", t.metric}, {"duration", t.duration}, {"panels", std::move(panels)}};
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
    for (const auto& p : plots.summaries) list.push_back(summary_json(p));
    for (const auto& h : plots.heatmaps) list.push_back(heatmap_json(h));
    for (const auto& f : plots.forests) list.push_back(forest_json(f));
    for (const auto& d : plots.distributions) list.push_back(distribution_json(d));
    for (const auto& t : plots.timelines) list.push_back(timeline_json(t));
    for (const auto& t : plots.throughput) list.push_back(throughput_json(t));
    for (const auto& p : plots.imports) list.push_back(imports_json(p));
    for (const auto& t : plots.tax) list.push_back(tax_json(t));
    // Every plot's SVG ids start with its prefix (svg_id_prefix), which the HTML report links to.
    for (json& plot : list) plot["id_prefix"] = svg_id_prefix(plot["file"].get<std::string>());
    // Strings come from the results file: replace invalid UTF-8 rather than fail the whole plot run.
    return json{{"format_version", 2}, {"plots", std::move(list)}}.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace perfmatrix
