#pragma once
// The runner most kinds are: read the case's parameters, then measure with them. Parameters
// that do not parse become the case's outcome here (invalid_params_outcome, naming the case's
// kind), and so does a measurement that throws (a library that will not load, an allocation that
// failed: status error, its message), once for every kind, so a kind writes only its measurement:
//
//   std::unique_ptr<Runner> make_alloc_runner() { return params_runner(parse_alloc_params, measure_alloc); }

#include "measure/model/runner.hpp"
#include "measure/param_reading.hpp"

#include <exception>
#include <memory>
#include <utility>
#include <variant>

namespace perfmatrix {

// Parse: json -> variant<Params, ParamProblem>. Measure: (Case, Params, RunContext) -> CaseOutcome.
template <class Parse, class Measure>
class ParamsRunner final : public Runner {
public:
    ParamsRunner(Parse parse, Measure measure) : parse_(std::move(parse)), measure_(std::move(measure)) {}

    CaseOutcome run(const Case& c, const RunContext& ctx) override {
        auto parsed = parse_(c.params);
        if (const auto* problem = std::get_if<ParamProblem>(&parsed)) return invalid_params_outcome(c.kind, *problem);
        try {
            return measure_(c, std::get<0>(parsed), ctx);
        } catch (const std::exception& e) {
            return CaseOutcome(status::error, e.what());
        }
    }

private:
    Parse parse_;
    Measure measure_;
};

template <class Parse, class Measure>
std::unique_ptr<Runner> params_runner(Parse parse, Measure measure) {
    return std::make_unique<ParamsRunner<Parse, Measure>>(std::move(parse), std::move(measure));
}

}  // namespace perfmatrix
