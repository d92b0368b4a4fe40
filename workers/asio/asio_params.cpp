#include "workers/asio/asio_params.hpp"

#include <fmt/format.h>

#include <utility>

namespace perfmatrix::asio_bench {

void invalid_param(std::string param, std::string message) {
    throw InvalidParam{ParamProblem{std::move(param), std::move(message)}};
}

ParamReader::ParamReader(const nlohmann::json& params, const KindSpec& spec) : params_(params) {
    if (!params_.is_object()) invalid_param("", fmt::format("{} parameters must be a table", spec.name));
    for (const auto& [key, value] : params_.items()) {
        if (!spec.find_param(key)) invalid_param(key, fmt::format("unknown parameter '{}' for kind {}", key, spec.name));
    }
}

std::int64_t ParamReader::integer(const char* name, std::int64_t fallback, std::int64_t lo, std::int64_t hi) const {
    if (!params_.contains(name)) return fallback;
    const auto& v = params_.at(name);
    if (!v.is_number_integer()) invalid_param(name, "expected an integer");
    const auto value = v.get<std::int64_t>();
    if (value < lo || value > hi) invalid_param(name, fmt::format("must be between {} and {}", lo, hi));
    return value;
}

double ParamReader::number(const char* name, double fallback, double lo, double hi) const {
    if (!params_.contains(name)) return fallback;
    const auto& v = params_.at(name);
    if (!v.is_number()) invalid_param(name, "expected a number");
    const auto value = v.get<double>();
    if (!(value >= lo && value <= hi)) invalid_param(name, fmt::format("must be between {} and {}", lo, hi));
    return value;
}

std::string ParamReader::choice(const char* name, std::string fallback,
                                std::initializer_list<std::string_view> options) const {
    if (!params_.contains(name)) return fallback;
    const auto& v = params_.at(name);
    if (!v.is_string()) invalid_param(name, "expected a string");
    auto value = v.get<std::string>();
    for (auto option : options) {
        if (value == option) return value;
    }
    invalid_param(name, fmt::format("must be one of: {}", fmt::join(options, ", ")));
}

ParamSpec min_batch_time_spec() {
    return {"min_batch_time", ParamType::number, false,
            "seconds a calibrated batch must last at least, so it stands far above timer noise "
            "(default 0.02, 0.001 to 10)"};
}

double read_min_batch_time(const ParamReader& reader) { return reader.number("min_batch_time", 0.02, 0.001, 10.0); }

}  // namespace perfmatrix::asio_bench
