#pragma once
// A benchmark kind, as one record: its parameters (job loading checks them before anything
// runs), its category and metrics (the results file carries them, so analysis knows no kind by
// name), the runner that measures it, and optional hooks. A family of kinds registers its
// records in one function (kind_registry.hpp); nothing else names a kind.

#include "measure/model/runner.hpp"

#include <nlohmann/json.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace perfmatrix {

enum class ParamType { string, string_list, string_map, boolean, integer, number };

const char* to_string(ParamType t);

struct ParamSpec {
    std::string name;
    ParamType type;
    bool required = false;
    std::string help;
    // The seconds one timed sample lasts (a calibrated batch, a harness sample, a pyperf value):
    // `perfmatrix run --sample-time S` sets every such parameter of every case. At most one per kind.
    bool sample_time = false;
};

struct ParamProblem {
    std::string param;    // the parameter the error points at
    std::string message;  // what was expected
};

// Which way a metric improves. Times, RSS and faults: lower is better; GFLOP/s, bandwidth and
// rates: higher. The kind says which; statistics never guess from a name.
enum class Better { lower, higher };

const char* to_string(Better b);

struct MetricSpec {
    std::string name;  // e.g. "gflops"
    std::string unit;  // e.g. "GFLOP/s"
    Better better = Better::lower;
    // 0: not a headline figure. k >= 1: the k-th headline figure of its kind. The report
    // tabulates headline metrics, and compare and export take the first both sides have.
    int headline = 0;
    bool operator==(const MetricSpec&) const = default;
};

// What every batch-timed kind records beside its own figures: the whole batch's time, the time
// per operation and the operations in the batch.
std::vector<MetricSpec> batch_timing_metrics();

// What a metric of no declared spec is taken to be: higher is better for a unit per second
// (a harness's `items_per_s` in 1/s), lower otherwise; never a headline.
MetricSpec undeclared_metric(std::string_view name, std::string_view unit);

// Categories of the suite (compare and the HTML report group verdicts by them).
namespace category {
inline constexpr const char* startup = "startup";
inline constexpr const char* compute = "compute";
inline constexpr const char* memory = "memory";
inline constexpr const char* async = "async";
}  // namespace category

struct Kind {
    std::string name;
    std::string summary;
    // The case's category unless its runner states one (the case environment's "category").
    std::string category;
    std::vector<ParamSpec> params;
    // The metrics its runner records. One it records undeclared is described by
    // undeclared_metric().
    std::vector<MetricSpec> metrics;
    // A fresh runner for one case.
    std::function<std::unique_ptr<Runner>()> make_runner;
    // Cross-parameter checks on the substituted parameters of one case (e.g. a regex that
    // must compile). Empty optional: fine.
    std::function<std::optional<ParamProblem>(const nlohmann::json& params)> check;
    // Capabilities a case needs because of its parameters (e.g. {"gpu"} for device = "cuda"),
    // added to the case's `requires`. Empty function: none.
    std::function<std::vector<std::string>(const nlohmann::json& params)> implied_requires;
    // A library perfmatrix-measure must preload (LD_PRELOAD) before it runs this case, e.g. an
    // allocator; nullopt: none. Empty function: never.
    std::function<std::optional<std::string>(const Case& c)> preload;
    // The category a case will have, known before it runs, for a kind whose runner states its own
    // (a Python workload's module declares it): --category selects on it. Empty function: `category`.
    std::function<std::string(const nlohmann::json& params)> planned_category;

    const ParamSpec* find_param(std::string_view name) const;
    // The declared spec of the metric `name`, with `unit`; else undeclared_metric(name, unit).
    MetricSpec metric(std::string_view name, std::string_view unit) const;
};

}  // namespace perfmatrix
