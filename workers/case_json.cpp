#include "workers/case_json.hpp"

namespace perfmatrix {
namespace {

using nlohmann::json;

json settings_to_json(const CaseSettings& s) {
    return {{"warmup", s.warmup},     {"repetitions", s.repetitions},
            {"min_time", s.min_time}, {"max_repetitions", s.max_repetitions},
            {"timeout", s.timeout},   {"requires", s.requires_},
            {"placement", to_string(s.placement)}};
}

CaseSettings settings_from_json(const json& j) {
    CaseSettings s;
    s.warmup = j.at("warmup");
    s.repetitions = j.at("repetitions");
    s.min_time = j.at("min_time");
    s.max_repetitions = j.at("max_repetitions");
    s.timeout = j.at("timeout");
    s.requires_ = j.at("requires").get<std::vector<std::string>>();
    s.placement = j.at("placement") == "shared" ? Placement::shared : Placement::exclusive;
    return s;
}

}  // namespace

json case_to_json(const Case& c) {
    json axes = json::array();
    for (const auto& a : c.axes) axes.push_back({a.axis, a.value});
    return {{"id", c.id},   {"benchmark", c.benchmark}, {"kind", c.kind},
            {"axes", axes}, {"params", c.params},       {"settings", settings_to_json(c.settings)}};
}

Case case_from_json(const json& j) {
    Case c;
    c.id = j.at("id");
    c.benchmark = j.at("benchmark");
    c.kind = j.at("kind");
    for (const auto& a : j.at("axes")) c.axes.push_back({a.at(0), a.at(1)});
    c.params = j.at("params");
    c.settings = settings_from_json(j.at("settings"));
    return c;
}

// Samples travel column-wise: far smaller than an object per sample.
json outcome_to_json(const CaseOutcome& o) {
    json metric = json::array(), unit = json::array(), rep = json::array(), warm = json::array(),
         value = json::array();
    for (const auto& s : o.samples) {
        metric.push_back(s.metric);
        unit.push_back(s.unit);
        rep.push_back(s.repetition);
        warm.push_back(s.warmup);
        value.push_back(s.value);
    }
    return {{"status", o.status},
            {"reason", o.reason},
            {"samples",
             {{"metric", metric}, {"unit", unit}, {"repetition", rep}, {"warmup", warm}, {"value", value}}}};
}

CaseOutcome outcome_from_json(const json& j) {
    CaseOutcome o;
    o.status = j.at("status");
    o.reason = j.at("reason");
    const auto& s = j.at("samples");
    const auto& metric = s.at("metric");
    o.samples.reserve(metric.size());
    for (std::size_t i = 0; i < metric.size(); ++i)
        o.samples.push_back({metric[i], s.at("unit")[i], s.at("repetition")[i], s.at("warmup")[i], s.at("value")[i]});
    return o;
}

}  // namespace perfmatrix
