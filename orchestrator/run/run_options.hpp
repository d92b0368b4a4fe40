#pragma once

#include "orchestrator/job/overrides.hpp"
#include "orchestrator/job/selection.hpp"
#include "orchestrator/run/progress.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace perfmatrix {

struct RunOptions {
    std::string job_path;
    // The job's text when it is not a file (`perfmatrix exec` writes one); job_path then names it.
    std::string job_text;
    // Rank 0 calls it after a run that ended well (exec prints the report); empty: nothing.
    std::function<void()> on_finished;
    std::string output;      // results file; defaults to <job file stem>.h5
    bool resume = false;     // continue an existing results file of the same job
    bool overwrite = false;  // replace an existing results file
    ProgressMode progress = ProgressMode::automatic;
    std::string command_line;           // as typed, for the record
    std::string env_cache;              // --env-cache: where `requirements` find prepared environments
    double grace = 60;                  // --grace: seconds in-flight cases get after SIGUSR1 (a time-limit warning)
    int array_split = 0;                // --array-split N: run only a 1/N share of the cases; 0: the whole job
    std::optional<int> array_index;     // --array-index I; absent: $SLURM_ARRAY_TASK_ID
    SettingOverrides settings;          // --repetitions, --warmup, --sample-time, --timeout, --rounds
    Selection selection;                // -k, --benchmark, --category
    std::optional<std::uint64_t> seed;  // --seed S: the order of the units; absent: a fresh one, recorded
    bool leaders = false;               // --leaders: a relaying leader per node other than rank 0's (topology.hpp)
};

// Rounds of the presets `perfmatrix run --fast` and `--rigorous` (docs/job-files.md, "Rounds"). 5 is the
// fewest with which a comparison can reach p < 0.05 at all (Mann-Whitney, 5 against 5 rounds:
// the smallest two-sided p is 2/252 = 0.008; with 4 it is 0.029, with 3 it is 0.1).
inline constexpr int fast_rounds = 5;
inline constexpr int rigorous_rounds = 20;

// Exit codes of `perfmatrix run` (docs/usage.md documents them).
namespace exit_code {
inline constexpr int ok = 0;
inline constexpr int failure = 1;      // could not run (I/O, MPI, HDF5 trouble)
inline constexpr int bad_input = 2;    // job file or command line rejected; nothing run
inline constexpr int interrupted = 3;  // stopped early (a signal); finished cases are kept
}  // namespace exit_code

}  // namespace perfmatrix
