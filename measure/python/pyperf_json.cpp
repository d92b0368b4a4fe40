#include "measure/python/pyperf_json.hpp"

#include <nlohmann/json.hpp>

#include <fmt/format.h>

#include <map>
#include <stdexcept>

namespace perfmatrix::python {
namespace {

using json = nlohmann::json;

struct Malformed : std::runtime_error {
    using std::runtime_error::runtime_error;
};

const json& member(const json& object, const char* key, const char* where) {
    if (!object.is_object() || !object.contains(key)) throw Malformed(fmt::format("no '{}' in {}", key, where));
    return object.at(key);
}

// pyperf refuses zero and negative values itself; a non-number here is a foreign file.
double value_of(const json& v, const char* where) {
    if (!v.is_number()) throw Malformed(fmt::format("a non-number in {}", where));
    return v.get<double>();
}

std::string metadata_text(const json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

void merge_metadata(const json& holder, std::map<std::string, std::string>& into) {
    if (!holder.is_object() || !holder.contains("metadata")) return;
    const json& metadata = holder.at("metadata");
    if (!metadata.is_object()) throw Malformed("'metadata' is not an object");
    for (const auto& [key, value] : metadata.items()) into[key] = metadata_text(value);
}

std::optional<long long> integer_entry(const std::map<std::string, std::string>& m, const char* key) {
    const auto it = m.find(key);
    if (it == m.end()) return std::nullopt;
    try {
        return std::stoll(it->second);
    } catch (const std::exception&) {
        throw Malformed(fmt::format("metadata '{}' is not an integer: {}", key, it->second));
    }
}

const json& only_element(const json& array, const char* what) {
    if (!array.is_array() || array.size() != 1) {
        throw Malformed(fmt::format("expected exactly one {}, found {}", what, array.is_array() ? array.size() : 0));
    }
    return array.front();
}

void read_values(const json& run, PyperfRun& out) {
    if (run.contains("values")) {
        for (const auto& v : run.at("values")) out.values.push_back(value_of(v, "values"));
    }
    if (run.contains("warmups")) {
        for (const auto& w : run.at("warmups")) {
            // Each warm-up is [loops, value]: its loops differ from the run's while calibrating.
            if (!w.is_array() || w.size() != 2) throw Malformed("a warm-up is not a [loops, value] pair");
            out.warmup_loops.push_back(static_cast<long long>(value_of(w[0], "warmups")));
            out.warmups.push_back(value_of(w[1], "warmups"));
        }
    }
}

PyperfRun read_run(const json& suite) {
    const auto& version = member(suite, "version", "the file");
    if (version != "1.0") throw Malformed(fmt::format("format version {} (expected \"1.0\")", version.dump()));
    const json& bench = only_element(member(suite, "benchmarks", "the file"), "benchmark");
    const json& run = only_element(member(bench, "runs", "the benchmark"), "run");
    PyperfRun out;
    read_values(run, out);
    std::map<std::string, std::string> metadata;
    for (const json* level : {&suite, &bench, &run}) merge_metadata(*level, metadata);
    out.name = metadata.count("name") ? metadata.at("name") : "";
    out.loops = integer_entry(metadata, "loops");
    out.calibrate_loops = integer_entry(metadata, "calibrate_loops");
    out.metadata.assign(metadata.begin(), metadata.end());
    return out;
}

}  // namespace

std::variant<PyperfRun, std::string> parse_pyperf_run(const std::string& text) {
    const json suite = json::parse(text, nullptr, false);
    if (suite.is_discarded()) return std::string("not JSON");
    try {
        return read_run(suite);
    } catch (const Malformed& e) {
        return std::string(e.what());
    } catch (const json::exception& e) {
        return std::string(e.what());
    }
}

}  // namespace perfmatrix::python
