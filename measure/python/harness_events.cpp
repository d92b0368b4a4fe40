#include "measure/python/harness_events.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

namespace perfmatrix::python {
namespace {

using json = nlohmann::json;

[[noreturn]] void broken(std::string message) { throw ProtocolError{std::move(message)}; }

const json& field(const json& object, const char* name) {
    if (!object.contains(name)) broken(fmt::format("'{}' is missing", name));
    return object.at(name);
}

std::string string_field(const json& event, const char* name) {
    const json& v = field(event, name);
    if (!v.is_string()) broken(fmt::format("'{}' must be a string", name));
    return v.get<std::string>();
}

long long integer_field(const json& event, const char* name, long long lo) {
    const json& v = field(event, name);
    if (!v.is_number_integer() || v.get<long long>() < lo)
        broken(fmt::format("'{}' must be an integer >= {}", name, lo));
    return v.get<long long>();
}

bool boolean_field(const json& event, const char* name) {
    const json& v = field(event, name);
    if (!v.is_boolean()) broken(fmt::format("'{}' must be true or false", name));
    return v.get<bool>();
}

struct Metric {
    std::string name, unit;
    double value = 0;
};

std::vector<Metric> metrics_field(const json& event) {
    const json& list = field(event, "metrics");
    if (!list.is_array()) broken("'metrics' must be a list");
    std::vector<Metric> out;
    std::set<std::string> names;
    for (const json& m : list) {
        if (!m.is_object()) broken("each metric must be an object with name, unit and value");
        Metric metric{string_field(m, "name"), string_field(m, "unit"), 0};
        const json& value = field(m, "value");
        if (!value.is_number() || !std::isfinite(value.get<double>())) {
            broken(fmt::format("metric '{}' needs a finite number as its value", metric.name));
        }
        metric.value = value.get<double>();
        if (metric.name.empty()) broken("a metric has an empty name");
        if (!names.insert(metric.name).second) broken(fmt::format("metric '{}' appears twice", metric.name));
        out.push_back(std::move(metric));
    }
    return out;
}

// How the harness's JSON values read in the record: text as is, everything else as JSON.
std::string record_text(const json& v) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_null()) return "";
    return v.dump();
}

void flatten(const std::string& prefix, const json& v, HarnessLog& log) {
    if (!v.is_object()) {
        log.environment.emplace_back(prefix, record_text(v));
        return;
    }
    for (const auto& [key, value] : v.items()) flatten(prefix + "." + key, value, log);
}

void apply_hello(const json& event, HarnessLog& log) {
    if (log.hello) broken("a second 'hello'");
    const json& protocol = field(event, "protocol");
    if (protocol != kProtocolVersion) {
        broken(
            fmt::format("protocol {} is not the one this perfmatrix speaks ({})", protocol.dump(), kProtocolVersion));
    }
    log.environment.emplace_back("harness.version", string_field(event, "harness"));
    const json& identity = field(event, "python");
    if (!identity.is_object()) broken("'python' must be an object");
    flatten("python", identity, log);
    const json& packages = field(event, "packages");
    if (!packages.is_object()) broken("'packages' must be an object");
    for (const auto& [name, version] : packages.items()) {
        if (!version.is_string()) broken(fmt::format("the version of package '{}' must be a string", name));
        log.environment.emplace_back("package." + name, version.get<std::string>());
    }
    log.hello = true;
}

void apply_calibrated(const json& event, HarnessLog& log) {
    if (log.warmups + log.measured > 0) broken("'calibrated' after the first sample");
    const bool again = std::any_of(log.environment.begin(), log.environment.end(),
                                   [](const auto& kv) { return kv.first == "harness.calibrated_loops"; });
    if (again) broken("a second 'calibrated'");
    log.environment.emplace_back("harness.calibrated_loops", std::to_string(integer_field(event, "loops", 1)));
    // The workload's category is the case's (category_of). Optional: older harnesses don't
    // send it, and the case then has its kind's category, "python".
    if (const auto it = event.find("category"); it != event.end()) {
        if (!it->is_string()) broken("'category' must be a string");
        log.environment.emplace_back("category", it->get<std::string>());
    }
    // What produced the workload's numbers beyond the interpreter (the BLAS numpy loaded...).
    // Optional, like category; prefixed so it cannot pass for perfmatrix's own keys.
    if (const auto it = event.find("environment"); it != event.end()) {
        if (!it->is_object()) broken("'environment' must be an object");
        for (const auto& [key, value] : it->items()) {
            if (!value.is_string()) broken(fmt::format("environment '{}' must be a string", key));
            log.environment.emplace_back("workload." + key, value.get<std::string>());
        }
    }
}

// The index a sample or component claims, checked against the case's settings.
int checked_index(const json& event, bool warmup, const CaseSettings& s) {
    const long long index = integer_field(event, "index", 0);
    const int limit = warmup ? s.warmup : s.max_repetitions;
    if (index >= limit) {
        broken(warmup ? fmt::format("warm-up index {}, but the case asks for {} warm-ups", index, limit)
                      : fmt::format("sample index {}, but the case allows at most {} samples", index, limit));
    }
    return static_cast<int>(index);
}

void apply_sample(const json& event, const CaseSettings& s, HarnessLog& log) {
    const bool warmup = boolean_field(event, "warmup");
    const int index = checked_index(event, warmup, s);
    if (warmup && log.measured > 0) broken("a warm-up sample after measured ones");
    const int expected = warmup ? log.warmups : log.measured;
    if (index != expected) broken(fmt::format("sample index {} where {} was next", index, expected));
    integer_field(event, "loops", 1);
    const auto metrics = metrics_field(event);
    const bool has_time = std::any_of(metrics.begin(), metrics.end(), [](const Metric& m) { return m.name == "time"; });
    if (!has_time) broken("a sample without the 'time' metric");
    for (const auto& m : metrics) log.samples.push_back(Sample{m.name, m.unit, index, warmup, m.value});
    ++(warmup ? log.warmups : log.measured);
}

void apply_component(const json& event, const CaseSettings& s, HarnessLog& log) {
    const bool warmup = boolean_field(event, "warmup");
    const int index = checked_index(event, warmup, s);
    const std::string component = string_field(event, "component");
    if (component.empty()) broken("a component with an empty name");
    const auto metrics = metrics_field(event);
    if (log.components.size() + metrics.size() > kMaxComponentSamples) {
        broken(fmt::format("more than {} component samples", kMaxComponentSamples));
    }
    for (const auto& m : metrics)
        log.components.push_back(ComponentSample{component, m.name, m.unit, index, warmup, m.value});
}

void apply_done(const CaseSettings& s, HarnessLog& log) {
    if (log.warmups != s.warmup || log.measured < s.repetitions) {
        broken(fmt::format(
            "'done' after {} warm-ups and {} samples; the case asks for {} warm-ups and at least {} samples",
            log.warmups, log.measured, s.warmup, s.repetitions));
    }
    log.terminal = TerminalEvent{"done", {}};
}

void apply_terminal(const std::string& name, const json& event, HarnessLog& log) {
    std::string reason = string_field(event, "reason");
    if (reason.empty()) reason = "(the harness gave no reason)";
    log.terminal = TerminalEvent{name, std::move(reason)};
}

}  // namespace

void apply_event(const json& event, const CaseSettings& settings, HarnessLog& log) {
    if (!event.is_object() || !event.contains("event") || !event.at("event").is_string()) {
        broken("not an event (a JSON object with an \"event\" string)");
    }
    const std::string name = event.at("event").get<std::string>();
    if (log.terminal) broken(fmt::format("'{}' after the terminal event '{}'", name, log.terminal->event));
    if (!log.hello && name != "hello") broken(fmt::format("'{}' before 'hello'", name));
    if (name == "hello") return apply_hello(event, log);
    if (name == "calibrated") return apply_calibrated(event, log);
    if (name == "sample") return apply_sample(event, settings, log);
    if (name == "component") return apply_component(event, settings, log);
    if (name == "done") return apply_done(settings, log);
    if (name == "skip" || name == "wrong_result" || name == "error") return apply_terminal(name, event, log);
    broken(fmt::format("unknown event '{}'", name));
}

}  // namespace perfmatrix::python
