#include "measure/model/case_json.hpp"

#include <string>
#include <utility>
#include <vector>

namespace perfmatrix {
namespace {

using nlohmann::json;

json settings_to_json(const CaseSettings& s) {
    return {{"warmup", s.warmup},     {"repetitions", s.repetitions},
            {"min_time", s.min_time}, {"max_repetitions", s.max_repetitions},
            {"timeout", s.timeout},   {"requires", s.requires_},
            {"rounds", s.rounds},     {"placement", to_string(s.placement)}};
}

CaseSettings settings_from_json(const json& j) {
    CaseSettings s;
    s.warmup = j.at("warmup");
    s.repetitions = j.at("repetitions");
    s.min_time = j.at("min_time");
    s.max_repetitions = j.at("max_repetitions");
    s.timeout = j.at("timeout");
    s.rounds = j.value("rounds", 1);  // a case written by hand for perfmatrix-measure may leave it out
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

namespace {

// One column of a column-wise table: present and exactly `rows` long, or an error naming it.
const json& column(const json& table, const char* table_name, const char* name, std::size_t rows) {
    const json& c = table.at(name);
    if (!c.is_array() || c.size() != rows)
        throw json::other_error::create(501,
                                        std::string("outcome: column '") + table_name + "." + name +
                                            "' must be an array of " + std::to_string(rows) + " values",
                                        &c);
    return c;
}

// The five columns every sample row has, samples' and components' alike.
template <class Row>
json sample_columns(const std::vector<Row>& rows) {
    json metric = json::array(), unit = json::array(), rep = json::array(), warm = json::array(), value = json::array();
    for (const Row& s : rows) {
        metric.push_back(s.metric);
        unit.push_back(s.unit);
        rep.push_back(s.repetition);
        warm.push_back(s.warmup);
        value.push_back(s.value);
    }
    return {{"metric", metric}, {"unit", unit}, {"repetition", rep}, {"warmup", warm}, {"value", value}};
}

struct SampleColumns {
    const json& metric;
    const json& unit;
    const json& repetition;
    const json& warmup;
    const json& value;

    SampleColumns(const json& t, const char* table, std::size_t rows)
        : metric(column(t, table, "metric", rows)),
          unit(column(t, table, "unit", rows)),
          repetition(column(t, table, "repetition", rows)),
          warmup(column(t, table, "warmup", rows)),
          value(column(t, table, "value", rows)) {}

    Sample at(std::size_t i) const { return {metric[i], unit[i], repetition[i], warmup[i], value[i]}; }
};

json samples_to_json(const std::vector<Sample>& samples) { return sample_columns(samples); }

std::vector<Sample> samples_from_json(const json& s) {
    const std::size_t n = s.at("metric").size();
    const SampleColumns columns(s, "samples", n);
    std::vector<Sample> out;
    out.reserve(n);
    for (std::size_t i = 0; i < n; ++i) out.push_back(columns.at(i));
    return out;
}

json components_to_json(const std::vector<ComponentSample>& components) {
    json table = sample_columns(components);
    json& component = table["component"] = json::array();
    for (const auto& c : components) component.push_back(c.component);
    return table;
}

std::vector<ComponentSample> components_from_json(const json& c) {
    const std::size_t n = c.at("component").size();
    const json& component = column(c, "components", "component", n);
    const SampleColumns columns(c, "components", n);
    std::vector<ComponentSample> out;
    out.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        const Sample s = columns.at(i);
        out.push_back({component[i], s.metric, s.unit, s.repetition, s.warmup, s.value});
    }
    return out;
}

}  // namespace

// An array of [key, value] pairs, not an object: the order they were recorded in is kept.
json environment_to_json(const Environment& environment) {
    json out = json::array();
    for (const auto& [key, value] : environment) out.push_back({key, value});
    return out;
}

Environment environment_from_json(const json& j) {
    Environment out;
    out.reserve(j.size());
    for (const auto& pair : j) {
        if (!pair.is_array() || pair.size() != 2)
            throw json::other_error::create(502, "each 'environment' entry must be a [key, value] pair", &pair);
        out.emplace_back(pair[0].get<std::string>(), pair[1].get<std::string>());
    }
    return out;
}

// Samples and components travel column-wise: far smaller than an object per sample.
json outcome_to_json(const CaseOutcome& o) {
    return {{"status", o.status},
            {"reason", o.reason},
            {"samples", samples_to_json(o.samples)},
            {"environment", environment_to_json(o.environment)},
            {"components", components_to_json(o.components)}};
}

// `environment` and `components` came later: an outcome without them (an older
// perfmatrix-measure) has none.
CaseOutcome outcome_from_json(const json& j) {
    CaseOutcome o;
    o.status = j.at("status");
    o.reason = j.at("reason");
    o.samples = samples_from_json(j.at("samples"));
    if (j.contains("environment")) o.environment = environment_from_json(j.at("environment"));
    if (j.contains("components")) o.components = components_from_json(j.at("components"));
    return o;
}

}  // namespace perfmatrix
