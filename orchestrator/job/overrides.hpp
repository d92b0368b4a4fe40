#pragma once
// Settings given on the command line (`run`, `plan`, `exec`: --repetitions, --warmup,
// --sample-time, --timeout, --rounds and the --fast/--rigorous presets), which replace every
// case's own. A results file records them, so that --resume continues with the same ones and
// refuses others (docs/usage.md, "Command-line settings").

#include "measure/model/records.hpp"
#include "orchestrator/job/job.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace perfmatrix {

struct SettingOverrides {
    std::optional<int> repetitions;     // the case's budget of samples, split over its rounds
    std::optional<int> warmup;          // per round
    std::optional<double> sample_time;  // seconds one timed sample lasts: each kind's sample-time parameter
    std::optional<double> timeout;      // seconds per sample
    std::optional<int> rounds;

    bool empty() const { return !repetitions && !warmup && !sample_time && !timeout && !rounds; }
    bool operator==(const SettingOverrides&) const = default;
    // "--repetitions 20 --warmup 0"; "" when empty.
    std::string describe() const;
    // {"repetitions": 20, "warmup": 0, ...}: those given, by their settings' names.
    nlohmann::ordered_json to_json() const;
};

// Every case's settings (and its kind's sample-time parameter) replaced by those given.
void apply_overrides(Job& job, const SettingOverrides& o);
// The same for one case.
void apply_overrides(Case& c, const SettingOverrides& o);

// How a results file holds them: rounds in its own attribute (rounds_override, older than the
// rest), the others as a JSON object in settings_override.
void record_overrides(const SettingOverrides& o, RunMeta& meta);
SettingOverrides recorded_overrides(const RunMeta& meta);

// For --resume: those the file was started with, unless the command line gives others, which is
// refused (a JobError naming the file: one file would mix two plans).
SettingOverrides resumed_overrides(const RunMeta& meta, const SettingOverrides& asked, const std::string& file);

}  // namespace perfmatrix
