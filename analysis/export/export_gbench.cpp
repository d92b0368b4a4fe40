#include "analysis/export/export_gbench.hpp"

#include "analysis/stats/statistics.hpp"
#include "analysis/text/units.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <ctime>
#include <map>
#include <set>

namespace perfmatrix {

namespace {

using Json = nlohmann::ordered_json;

constexpr double ns_per_second = 1e9;

// Keys of an entry that a counter must not overwrite.
const std::set<std::string>& reserved_keys() {
    static const std::set<std::string> keys{"name",
                                            "family_index",
                                            "per_family_instance_index",
                                            "run_name",
                                            "run_type",
                                            "repetitions",
                                            "repetition_index",
                                            "threads",
                                            "iterations",
                                            "real_time",
                                            "cpu_time",
                                            "time_unit",
                                            "aggregate_name",
                                            "aggregate_unit",
                                            "error_occurred",
                                            "error_message",
                                            "label"};
    return keys;
}

// One measured sample: every metric recorded at that repetition.
using Repetition = std::map<std::string, double>;

std::vector<Repetition> repetitions_of(const CaseRecord& c) {
    std::map<int, Repetition> by_index;
    for (const Sample& s : c.samples)
        if (!s.warmup && !std::isnan(s.value)) by_index[s.repetition][s.metric] = s.value;
    std::vector<Repetition> out;
    for (auto& [index, rep] : by_index) out.push_back(std::move(rep));
    return out;
}

struct Timing {
    double real_ns = 0, cpu_ns = 0;
    double iterations = 1;
    std::map<std::string, double> counters;
};

Timing timing_of(const Repetition& rep, const ExportedCase& e, const std::map<std::string, std::string>& units) {
    Timing t;
    const double scale = seconds_per(e.unit) * ns_per_second;
    t.real_ns = rep.at(e.metric) * scale;
    t.cpu_ns = t.real_ns;
    if (e.metric == "wall_time" && rep.count("user_time") && rep.count("sys_time"))
        t.cpu_ns = (rep.at("user_time") * seconds_per(units.at("user_time")) +
                    rep.at("sys_time") * seconds_per(units.at("sys_time"))) *
                   ns_per_second;
    if (auto it = rep.find("iterations"); it != rep.end() && it->second >= 1) t.iterations = it->second;
    for (const auto& [metric, value] : rep)
        if (metric != e.metric && metric != "iterations" && !is_duration_unit(units.at(metric)) &&
            !reserved_keys().count(metric))
            t.counters[metric] = value;
    return t;
}

std::map<std::string, std::string> units_of(const CaseRecord& c) {
    std::map<std::string, std::string> units;
    for (const Sample& s : c.samples) units.emplace(s.metric, s.unit);
    return units;
}

Json entry_head(const ExportedCase& e, const std::string& name, const char* run_type, std::size_t repetitions) {
    Json j = Json::object();
    j["name"] = name;
    j["family_index"] = e.family;
    j["per_family_instance_index"] = e.instance;
    j["run_name"] = e.name;
    j["run_type"] = run_type;
    j["repetitions"] = repetitions;
    return j;
}

Json iteration_entry(const ExportedCase& e, const Timing& t, std::size_t index, std::size_t n) {
    Json j = entry_head(e, e.name, "iteration", n);
    j["repetition_index"] = index;
    j["threads"] = 1;
    j["iterations"] = static_cast<long long>(std::llround(t.iterations));
    j["real_time"] = t.real_ns;
    j["cpu_time"] = t.cpu_ns;
    j["time_unit"] = "ns";
    for (const auto& [name, value] : t.counters) j[name] = value;
    return j;
}

// The statistic of an aggregate over the values of one field.
using Statistic = double (*)(const Summary&);

struct Aggregate {
    const char* name;
    const char* unit;
    Statistic of;
};

const Aggregate aggregates[] = {
    {"mean", "time", [](const Summary& s) { return s.mean; }},
    {"median", "time", [](const Summary& s) { return s.median; }},
    {"stddev", "time", [](const Summary& s) { return s.stddev; }},
    {"cv", "percentage", [](const Summary& s) { return s.cv; }},
};

Json aggregate_entry(const ExportedCase& e, const Aggregate& a, const std::vector<Timing>& timings) {
    std::vector<double> real, cpu;
    std::map<std::string, std::vector<double>> counters;
    for (const Timing& t : timings) {
        real.push_back(t.real_ns);
        cpu.push_back(t.cpu_ns);
        for (const auto& [name, value] : t.counters) counters[name].push_back(value);
    }
    Json j = entry_head(e, e.name + "_" + a.name, "aggregate", timings.size());
    j["threads"] = 1;
    j["aggregate_name"] = a.name;
    j["aggregate_unit"] = a.unit;
    j["iterations"] = timings.size();  // as Google Benchmark writes it: the repetitions aggregated
    j["real_time"] = a.of(summarize(real));
    j["cpu_time"] = a.of(summarize(cpu));
    j["time_unit"] = "ns";
    for (const auto& [name, values] : counters) j[name] = a.of(summarize(values));
    return j;
}

std::string iso_time(double unix_seconds) {
    const std::time_t t = static_cast<std::time_t>(unix_seconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    return fmt::format("{:%Y-%m-%dT%H:%M:%S}+00:00", tm);
}

Json context_of(const Results& r) {
    Json c = Json::object();
    if (!r.invocations.empty()) c["date"] = iso_time(r.invocations.front().started);
    c["executable"] = "perfmatrix";
    if (!r.ranks.empty()) {
        const HostInfo& h = r.ranks.front().info;
        c["host_name"] = h.host;
        c["num_cpus"] = h.cores;
        c["cpu_model"] = h.cpu_model;
        c["kernel"] = h.kernel;
        c["load_avg"] = Json::array({h.load1, h.load5, h.load15});
    }
    c["perfmatrix_version"] = r.meta.tool_version;
    c["perfmatrix_job"] = r.meta.job_path;
    return c;
}

}  // namespace

ExportOutput export_gbench(const Results& r, const ExportSettings& opt) {
    const ExportSelection sel = select_export_cases(r, opt, {.bytes = false, .counts = false});
    ExportOutput out;
    Json benchmarks = Json::array();
    for (const ExportedCase& e : sel.cases) {
        const auto units = units_of(*e.record);
        std::vector<Timing> timings;
        for (const Repetition& rep : repetitions_of(*e.record))
            if (rep.count(e.metric)) timings.push_back(timing_of(rep, e, units));
        for (std::size_t i = 0; i < timings.size(); ++i)
            benchmarks.push_back(iteration_entry(e, timings[i], i, timings.size()));
        for (const Aggregate& a : aggregates) benchmarks.push_back(aggregate_entry(e, a, timings));
        ++out.exported;
    }
    const Json doc{{"context", context_of(r)}, {"benchmarks", std::move(benchmarks)}};
    out.text = doc.dump(2) + "\n";
    out.left_out = sel.left_out;
    return out;
}

}  // namespace perfmatrix
