#include "orchestrator/job/overrides.hpp"

#include "measure/kind_registry.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <vector>

namespace perfmatrix {

std::string SettingOverrides::describe() const {
    std::vector<std::string> parts;
    if (repetitions) parts.push_back(fmt::format("--repetitions {}", *repetitions));
    if (warmup) parts.push_back(fmt::format("--warmup {}", *warmup));
    if (sample_time) parts.push_back(fmt::format("--sample-time {:g}", *sample_time));
    if (timeout) parts.push_back(fmt::format("--timeout {:g}", *timeout));
    if (rounds) parts.push_back(fmt::format("--rounds {}", *rounds));
    return fmt::format("{}", fmt::join(parts, " "));
}

nlohmann::ordered_json SettingOverrides::to_json() const {
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    if (repetitions) j["repetitions"] = *repetitions;
    if (warmup) j["warmup"] = *warmup;
    if (sample_time) j["sample_time"] = *sample_time;
    if (timeout) j["timeout"] = *timeout;
    if (rounds) j["rounds"] = *rounds;
    return j;
}

namespace {

void apply_sample_time(Case& c, double seconds) {
    const Kind* kind = find_kind(c.kind);
    if (!kind) return;  // job loading refuses unknown kinds first
    for (const ParamSpec& p : kind->params)
        if (p.sample_time) c.params[p.name] = seconds;
}

}  // namespace

void apply_overrides(Job& job, const SettingOverrides& o) {
    for (Case& c : job.cases) apply_overrides(c, o);
}

void apply_overrides(Case& c, const SettingOverrides& o) {
    CaseSettings& s = c.settings;
    if (o.repetitions) {
        s.repetitions = *o.repetitions;
        // The job's cap must not undo the command line (max_repetitions >= repetitions holds in every file).
        s.max_repetitions = std::max(s.max_repetitions, s.repetitions);
    }
    if (o.warmup) s.warmup = *o.warmup;
    if (o.timeout) s.timeout = *o.timeout;
    if (o.rounds) s.rounds = *o.rounds;
    if (o.sample_time) apply_sample_time(c, *o.sample_time);
}

void record_overrides(const SettingOverrides& o, RunMeta& meta) {
    meta.rounds_override = o.rounds.value_or(0);
    nlohmann::ordered_json j = o.to_json();
    j.erase("rounds");
    meta.settings_override = j.empty() ? std::string() : j.dump();
}

SettingOverrides recorded_overrides(const RunMeta& meta) {
    SettingOverrides o;
    if (meta.rounds_override > 0) o.rounds = meta.rounds_override;
    if (meta.settings_override.empty()) return o;
    const auto j = nlohmann::json::parse(meta.settings_override);  // the reader checked it parses
    if (j.contains("repetitions")) o.repetitions = j["repetitions"].get<int>();
    if (j.contains("warmup")) o.warmup = j["warmup"].get<int>();
    if (j.contains("sample_time")) o.sample_time = j["sample_time"].get<double>();
    if (j.contains("timeout")) o.timeout = j["timeout"].get<double>();
    return o;
}

namespace {

// A setting the command line gives that the file was not started with (or with another value).
template <class T>
bool differs(const std::optional<T>& asked, const std::optional<T>& had) {
    return asked && asked != had;
}

}  // namespace

SettingOverrides resumed_overrides(const RunMeta& meta, const SettingOverrides& asked, const std::string& file) {
    const SettingOverrides had = recorded_overrides(meta);
    if (!differs(asked.repetitions, had.repetitions) && !differs(asked.warmup, had.warmup) &&
        !differs(asked.sample_time, had.sample_time) && !differs(asked.timeout, had.timeout) &&
        !differs(asked.rounds, had.rounds))
        return had;
    const std::string had_text = had.empty() ? "the job's own settings" : had.describe();
    throw JobError(file, 0, 0,
                   fmt::format("--resume: the file was started with {}, this run asks for {}; resume without "
                               "them (the file's settings are kept), or start a new file",
                               had_text, asked.describe()));
}

}  // namespace perfmatrix
