#pragma once
// The repetition loop every kind shares: warm-ups, then measured samples until both the
// repetition count and the minimum measured time are reached, capped by max_repetitions.

#include "measure/model/case.hpp"
#include "measure/model/runner.hpp"
#include "measure/model/sample.hpp"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace perfmatrix {

struct Metric {
    std::string name;  // e.g. "wall_time"
    std::string unit;  // e.g. "s"
    double value = 0;
};

// What one sample produced: its metrics, or why it failed.
struct SampleResult {
    std::string status = status::ok;
    std::string reason;
    std::vector<Metric> metrics;  // ignored unless status is ok

    static SampleResult failure(std::string status_, std::string reason_);
};

struct SampleIndex {
    bool warmup = false;
    int repetition = 0;  // 0-based within warm-ups or within measured samples
};

using SampleFunction = std::function<SampleResult(const SampleIndex&)>;

// Runs the loop. The metrics of a failed sample are dropped (they do not describe a good
// run); the outcome keeps every earlier sample and the failure's status and reason.
// should_stop is checked between samples (-> status::interrupted); the sample function is
// expected to watch it during a sample too. `primary_metric` is summed against min_time;
// a sample lacking it counts its own wall-clock duration instead.
CaseOutcome run_samples(const CaseSettings& settings, const RunContext& ctx, const SampleFunction& sample,
                        std::string_view primary_metric = "wall_time");

}  // namespace perfmatrix
