#pragma once
// Case settings (warmup, repetitions, ...): from [defaults], overridden per benchmark.

#include "measure/model/case.hpp"

#include <toml++/toml.h>

#include <string>
#include <vector>

namespace perfmatrix {

// Settings plus where the ones that are checked against each other were last set, so a
// conflict is reported at the value that caused it.
struct LayeredSettings {
    CaseSettings settings;
    const toml::node* repetitions = nullptr;
    const toml::node* max_repetitions = nullptr;
};

// The largest duration a setting (timeout, min_time) or option (--grace) may hold: 10^6 s, about
// 11.6 days, beyond any batch system's time limit; larger values would overflow the clocks'
// integer durations (a timeout of 10^12 s used to end at once).
constexpr double max_duration_seconds = 1e6;

// The setting keys a [defaults] or benchmark table may hold.
const std::vector<std::string>& setting_keys();

// base with the settings the table sets replaced; each is type- and range-checked. Keys that
// are not settings are left to the caller.
LayeredSettings apply_settings(const toml::table& table, LayeredSettings base);

// Checks of settings against each other (max_repetitions >= repetitions); `fallback` is
// blamed when neither value was written in the file.
void check_settings(const LayeredSettings& layered, const toml::node& fallback);

}  // namespace perfmatrix
