#include "orchestrator/cli/case_options.hpp"

#include "analysis/view/case_category.hpp"
#include "orchestrator/job/settings.hpp"
#include "orchestrator/run/run_options.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>

namespace perfmatrix {

void SettingOptions::finish() {
    if (fast) settings.rounds = fast_rounds;
    if (rigorous) settings.rounds = rigorous_rounds;
}

void add_setting_options(CLI::App& cmd, SettingOptions& o) {
    constexpr int most = std::numeric_limits<int>::max();
    SettingOverrides& s = o.settings;
    cmd.add_option("--repetitions", s.repetitions,
                   "Samples per case, split over its rounds (overrides the job's `repetitions`)")
        ->check(CLI::Range(1, most));
    cmd.add_option("--warmup", s.warmup, "Warm-up runs per round (overrides the job's `warmup`)")
        ->check(CLI::Range(0, most));
    // The bounds every sample-time parameter accepts (python_workload's sample_time is the narrowest).
    cmd.add_option("--sample-time", s.sample_time,
                   "Seconds one timed sample lasts, for kinds that calibrate it (min_batch_time, sample_time, "
                   "loop_min_time)")
        ->check(CLI::Range(1e-4, 60.0));
    cmd.add_option("--timeout", s.timeout, "Seconds a sample may take before it is killed (overrides `timeout`)")
        ->check(CLI::Range(1e-3, max_duration_seconds));
    auto* rounds =
        cmd.add_option("--rounds", s.rounds,
                       "Measure every case in N rounds (independent processes), overriding the job's `rounds`")
            ->check(CLI::Range(1, 1000000));
    // pyperf's names for its presets; what each buys is in docs/job-files.md, "Rounds".
    auto* fast = cmd.add_flag("--fast", o.fast,
                              fmt::format("--rounds {}: fewer rounds, quicker, less power", fast_rounds))
                     ->excludes(rounds);
    cmd.add_flag("--rigorous", o.rigorous, fmt::format("--rounds {}: more rounds, slower, more power", rigorous_rounds))
        ->excludes(rounds)
        ->excludes(fast);
}

void add_selection_options(CLI::App& cmd, Selection& s) {
    cmd.add_option("-k", s.patterns,
                   "Only cases whose benchmark, case id or an axis=value matches this regular expression "
                   "(repeatable: all must match), e.g. -k python=3.12 or -k 'nbody|richards'");
    cmd.add_option("--benchmark", s.benchmarks, "Only this benchmark (repeatable)");
    cmd.add_option("--category", s.categories, "Only cases of this category (repeatable)")
        ->check(CLI::IsMember(known_categories()));
}

void keep_selected(Results& r, const Selection& s, const std::string& path) {
    if (s.empty()) return;
    check_selection(s);
    const auto had = static_cast<int>(r.cases.size());
    keep_matching(r.cases, s, path, [](const CaseRecord& c) {
        return CaseKey{c.case_id, c.benchmark, case_category(c), c.axes};
    });
    // What is planned of the selection: the selected cases, plus the file's missing ones (the file
    // cannot say which of those the selection would match, so a partial file stays partial).
    r.meta.planned_cases = static_cast<int>(r.cases.size()) + std::max(0, r.meta.planned_cases - had);
}

}  // namespace perfmatrix
