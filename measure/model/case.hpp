#pragma once
// The case model: one fully expanded unit of work. Job files (orchestrator/) produce cases,
// the wire protocol carries them, runners (measure/) execute them, results/ stores them.
// This header is the single owner of that model.

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace perfmatrix {

// Where a case may run relative to other cases on the same node: `exclusive` cases run
// alone on their node (co-located measurements disturb each other); `shared` ones may run
// beside other shared cases.
enum class Placement { exclusive, shared };

struct AxisValue {
    std::string axis;
    std::string value;  // the axis value as written in the job file, in text form
    bool operator==(const AxisValue&) const = default;
};

struct CaseSettings {
    int warmup = 1;               // unmeasured-for-statistics runs before the samples (kept raw)
    int repetitions = 10;         // minimum number of measured samples
    double min_time = 0.0;        // seconds: keep sampling until measured time reaches this
    int max_repetitions = 10000;  // upper bound when calibrating with min_time
    double timeout = 60.0;        // seconds, per sample (warm-ups included)
    // Independent measurement processes per case, each with its own warm-up, run at different
    // times (docs/job-files.md, "Rounds"). repetitions, min_time and max_repetitions are the whole case's
    // budget, split over its rounds (round_settings()).
    int rounds = 5;
    std::vector<std::string> requires_;  // capabilities a rank must have, e.g. "gpu"
    Placement placement = Placement::exclusive;
    bool operator==(const CaseSettings&) const = default;
};

struct Case {
    std::string id;               // stable: derived from benchmark name and axis values only
    std::string benchmark;        // the benchmark's name in the job file
    std::string kind;             // which runner executes it, e.g. "spawn"
    std::vector<AxisValue> axes;  // in the order the axes were declared
    nlohmann::json params;        // kind parameters with placeholders substituted
    CaseSettings settings;
    bool operator==(const Case&) const = default;
};

const char* to_string(Placement p);

}  // namespace perfmatrix
