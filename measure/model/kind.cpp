#include "measure/model/kind.hpp"

namespace perfmatrix {

const char* to_string(ParamType t) {
    switch (t) {
        case ParamType::string: return "string";
        case ParamType::string_list: return "string_list";
        case ParamType::string_map: return "string_map";
        case ParamType::boolean: return "boolean";
        case ParamType::integer: return "integer";
        case ParamType::number: return "number";
    }
    return "unknown";
}

const char* to_string(Better b) { return b == Better::higher ? "higher" : "lower"; }

std::vector<MetricSpec> batch_timing_metrics() {
    return {{"batch_time", "s", Better::lower, 0},
            {"time", "s", Better::lower, 0},
            {"iterations", "count", Better::lower, 0}};
}

MetricSpec undeclared_metric(std::string_view name, std::string_view unit) {
    const bool per_second = unit.size() >= 2 && unit.substr(unit.size() - 2) == "/s";
    return {std::string(name), std::string(unit), per_second ? Better::higher : Better::lower, 0};
}

const ParamSpec* Kind::find_param(std::string_view param) const {
    for (const auto& p : params) {
        if (p.name == param) return &p;
    }
    return nullptr;
}

MetricSpec Kind::metric(std::string_view metric_name, std::string_view unit) const {
    for (MetricSpec m : metrics) {
        // By name: direction and headline belong to the metric, whatever unit a sample
        // states (a hand-built record may give wall_time in ms).
        if (m.name == metric_name) {
            m.unit = unit;
            return m;
        }
    }
    return undeclared_metric(metric_name, unit);
}

}  // namespace perfmatrix
