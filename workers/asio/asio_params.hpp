#pragma once
// Parameter parsing shared by the asio kinds: typed reads with defaults and ranges, unknown
// keys rejected. Each kind has one parser that serves both the job check (KindSpec::check)
// and its runner, so a job that passes the check cannot fail to parse later.

#include "workers/kind_spec.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace perfmatrix::asio_bench {

// Thrown inside a kind's parser only; parse_params turns it into a ParamProblem.
struct InvalidParam {
    ParamProblem problem;
};

[[noreturn]] void invalid_param(std::string param, std::string message);

// Reads the parameters of one case. Construction rejects a non-table and unknown keys.
class ParamReader {
public:
    ParamReader(const nlohmann::json& params, const KindSpec& spec);

    std::int64_t integer(const char* name, std::int64_t fallback, std::int64_t lo, std::int64_t hi) const;
    double number(const char* name, double fallback, double lo, double hi) const;
    std::string choice(const char* name, std::string fallback, std::initializer_list<std::string_view> options) const;

private:
    const nlohmann::json& params_;
};

// `min_batch_time`: how long a calibrated batch must last. Every asio kind takes it.
ParamSpec min_batch_time_spec();
double read_min_batch_time(const ParamReader& reader);

// Calls parse and turns an InvalidParam into the ParamProblem alternative.
template <class Params, class Parse>
std::variant<Params, ParamProblem> parse_params(Parse&& parse) {
    try {
        return parse();
    } catch (const InvalidParam& e) {
        return e.problem;
    }
}

// A KindSpec::check that accepts exactly what `parse` accepts.
template <class Params>
std::function<std::optional<ParamProblem>(const nlohmann::json&)> check_by(
    std::variant<Params, ParamProblem> (*parse)(const nlohmann::json&)) {
    return [parse](const nlohmann::json& params) -> std::optional<ParamProblem> {
        auto parsed = parse(params);
        if (auto* problem = std::get_if<ParamProblem>(&parsed)) return *problem;
        return std::nullopt;
    };
}

}  // namespace perfmatrix::asio_bench
