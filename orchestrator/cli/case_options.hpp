#pragma once
// The options several subcommands share: the command line's case settings (run, plan, exec) and
// the selection of cases (those and report, compare, export). One place registers each, so every
// subcommand spells and checks them alike (docs/usage.md, "Command-line settings" and
// "Selecting cases").

#include "measure/model/records.hpp"
#include "orchestrator/job/overrides.hpp"
#include "orchestrator/job/selection.hpp"

#include <CLI/CLI.hpp>

#include <string>

namespace perfmatrix {

// --repetitions, --warmup, --sample-time, --timeout, --rounds and pyperf's presets --fast and
// --rigorous (which set --rounds). finish() folds the presets in, after parsing.
struct SettingOptions {
    SettingOverrides settings;
    bool fast = false, rigorous = false;
    void finish();
};
void add_setting_options(CLI::App& cmd, SettingOptions& o);

// -k PATTERN, --benchmark NAME, --category NAME (each repeatable).
void add_selection_options(CLI::App& cmd, Selection& s);

// The file's cases that the selection keeps; std::invalid_argument (exit 2) when none.
void keep_selected(Results& r, const Selection& s, const std::string& path);

}  // namespace perfmatrix
