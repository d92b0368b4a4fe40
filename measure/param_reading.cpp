#include "measure/param_reading.hpp"

#include <fmt/format.h>

namespace perfmatrix {

void invalid_param(const std::string& param, std::string message) {
    throw InvalidParam{ParamProblem{param, std::move(message)}};
}

long long integer_param(const nlohmann::json& params, const char* name, long long fallback, long long lo,
                        long long hi) {
    if (!params.contains(name)) return fallback;
    const auto& v = params.at(name);
    if (!v.is_number_integer()) invalid_param(name, "expected an integer");
    const auto value = v.get<long long>();
    if (value < lo || value > hi) invalid_param(name, fmt::format("must be between {} and {}", lo, hi));
    return value;
}

double number_param(const nlohmann::json& params, const char* name, double fallback, double lo, double hi) {
    if (!params.contains(name)) return fallback;
    const auto& v = params.at(name);
    if (!v.is_number()) invalid_param(name, "expected a number");
    const auto value = v.get<double>();
    if (!(value >= lo && value <= hi)) invalid_param(name, fmt::format("must be between {} and {}", lo, hi));
    return value;
}

bool boolean_param(const nlohmann::json& params, const char* name, bool fallback) {
    if (!params.contains(name)) return fallback;
    const auto& v = params.at(name);
    if (!v.is_boolean()) invalid_param(name, "expected true or false");
    return v.get<bool>();
}

std::string choice_param(const nlohmann::json& params, const char* name, const char* fallback,
                         std::initializer_list<const char*> choices) {
    if (!params.contains(name)) return fallback;
    const auto& v = params.at(name);
    if (!v.is_string()) invalid_param(name, "expected a string");
    const auto value = v.get<std::string>();
    for (const char* c : choices) {
        if (value == c) return value;
    }
    invalid_param(name, fmt::format("'{}' is not one of: {}", value, fmt::join(choices, ", ")));
}

namespace {
constexpr double kMaxMinBatchTime = 3600;
}  // namespace

double min_batch_time_param(const nlohmann::json& params, double default_seconds) {
    if (!params.contains("min_batch_time")) return default_seconds;
    const auto& v = params.at("min_batch_time");
    if (!v.is_number()) invalid_param("min_batch_time", "expected a number (seconds)");
    const auto value = v.get<double>();
    if (!(value > 0 && value <= kMaxMinBatchTime)) {
        invalid_param("min_batch_time", fmt::format("must be more than 0 and at most {} seconds", kMaxMinBatchTime));
    }
    return value;
}

ParamSpec min_batch_time_spec(double default_seconds) {
    return {"min_batch_time", ParamType::number, false,
            fmt::format("seconds a timed batch lasts at least, so it stands far above timer noise; sets the batch "
                        "size (default {}, more than 0, at most {})",
                        default_seconds, kMaxMinBatchTime),
            true};
}

std::uint64_t batch_count_param(const nlohmann::json& params, const char* name, std::uint64_t max) {
    return static_cast<std::uint64_t>(integer_param(params, name, 0, 0, static_cast<long long>(max)));
}

ParamSpec batch_count_spec(const char* name, std::string_view per_batch, std::string_view limit) {
    return {name, ParamType::integer, false,
            fmt::format("{} per batch; 0 or absent: calibrated so a batch lasts min_batch_time ({})", per_batch,
                        limit)};
}

void reject_unknown_params(const nlohmann::json& params, const Kind& spec) {
    if (!params.is_object()) invalid_param("", fmt::format("{} parameters must be a table", spec.name));
    for (const auto& [key, value] : params.items()) {
        if (!spec.find_param(key))
            invalid_param(key, fmt::format("unknown parameter '{}' for kind {}", key, spec.name));
    }
}

std::vector<ParamSpec> joined(std::vector<ParamSpec> own, std::vector<ParamSpec> shared) {
    for (auto& p : shared) own.push_back(std::move(p));
    return own;
}

CaseOutcome invalid_params_outcome(std::string_view kind, const ParamProblem& problem) {
    return CaseOutcome(status::error,
                       fmt::format("invalid {} parameter '{}': {}", kind, problem.param, problem.message));
}

}  // namespace perfmatrix
