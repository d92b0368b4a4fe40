#pragma once
// Reading an in-process kind's parameters from a case's JSON: typed values with defaults and
// ranges. A bad value throws InvalidParam; parse_params() turns that into a ParamProblem, so
// one parser serves both the job check (Kind::check, via check_by) and the runner: a job
// that passes the check cannot fail to parse later.

#include "measure/model/kind.hpp"
#include "measure/model/sample.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace perfmatrix {

struct InvalidParam {
    ParamProblem problem;
};

[[noreturn]] void invalid_param(const std::string& param, std::string message);

long long integer_param(const nlohmann::json& params, const char* name, long long fallback, long long lo, long long hi);
double number_param(const nlohmann::json& params, const char* name, double fallback, double lo, double hi);
bool boolean_param(const nlohmann::json& params, const char* name, bool fallback);
// A string that must be one of `choices`.
std::string choice_param(const nlohmann::json& params, const char* name, const char* fallback,
                         std::initializer_list<const char*> choices);

// `min_batch_time`, which every kind that calibrates a batch size takes: how long a calibrated
// batch lasts at least. A batch must dwarf its own fixed cost, and that cost is what differs
// between the families, hence their defaults (seconds):
// - blas, torch, cuda: a batch is a loop of calls between two clock reads (or CUDA events);
inline constexpr double kCallLoopMinBatchTime = 0.01;
// - asio: a batch also hands its work to the io_context's threads and waits on a latch;
inline constexpr double kEventLoopMinBatchTime = 0.02;
// - memory: a batch also releases and joins worker threads, or maps and unmaps a region.
inline constexpr double kThreadedMinBatchTime = 0.05;
// Accepts more than 0 and at most an hour: the union of what the families used to accept.
double min_batch_time_param(const nlohmann::json& params, double default_seconds);
ParamSpec min_batch_time_spec(double default_seconds);

// A batch's size, which every batch-timed kind takes: `name` operations per timed batch, 0 or
// absent leaving it to calibration, which sizes a batch to last min_batch_time. `per_batch`
// says what is counted, `limit` the largest count in words.
std::uint64_t batch_count_param(const nlohmann::json& params, const char* name, std::uint64_t max);
ParamSpec batch_count_spec(const char* name, std::string_view per_batch, std::string_view limit);

// params must be a table, and every key a parameter the kind declares.
void reject_unknown_params(const nlohmann::json& params, const Kind& spec);

// Runs a parser that may throw InvalidParam and returns its value or the problem.
template <class Parse>
auto parse_params(Parse parse) -> std::variant<decltype(parse()), ParamProblem> {
    try {
        return parse();
    } catch (const InvalidParam& e) {
        return e.problem;
    }
}

// A Kind::check that accepts exactly what `parse` (json -> variant<Params, ParamProblem>) accepts.
template <class Parse>
std::function<std::optional<ParamProblem>(const nlohmann::json&)> check_by(Parse parse) {
    return [parse](const nlohmann::json& params) -> std::optional<ParamProblem> {
        auto parsed = parse(params);
        if (auto* problem = std::get_if<ParamProblem>(&parsed)) return *problem;
        return std::nullopt;
    };
}

// A kind as its parameters file declares it: name, summary, parameters, and its parser as the
// check. The family's registration (*_kinds.cpp) adds category, metrics and runner.
template <class Parse>
Kind declared_kind(std::string name, std::string summary, std::vector<ParamSpec> params, Parse parse) {
    Kind k;
    k.name = std::move(name);
    k.summary = std::move(summary);
    k.params = std::move(params);
    k.check = check_by(std::move(parse));
    return k;
}

// A kind's own parameters followed by those its family shares.
std::vector<ParamSpec> joined(std::vector<ParamSpec> own, std::vector<ParamSpec> shared);

// A runner's outcome for a case whose parameters do not parse. The job check refuses such a
// case first, so only a case that skipped it (a test, a hand-made case file) gets here; the
// reason still names the kind, the parameter and what was expected.
CaseOutcome invalid_params_outcome(std::string_view kind, const ParamProblem& problem);

}  // namespace perfmatrix
