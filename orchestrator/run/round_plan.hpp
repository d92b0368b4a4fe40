#pragma once
// Rounds and their order: which (case, round) units a run measures, in what order, and with
// what share of the case's sample budget. Pure decisions, unit-tested without MPI.
//
// Why rounds: a case's samples taken in one process at one moment share its memory layout
// (ASLR, hash seed), its clock and its neighbours, so they understate how much the case
// varies; two runs of an unchanged job then "differ". Each round is a separate measuring
// process with its own warm-up, and the units of all cases run in a random order, so a
// case's rounds fall at different times and on different ranks. Comparisons then replicate
// over rounds (docs/comparing.md).

#include "measure/model/case.hpp"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace perfmatrix {

struct Unit {
    std::size_t case_index = 0;
    int round = 0;
    bool operator==(const Unit&) const = default;
};

// Every (case, round) of the cases, case by case, rounds in order.
std::vector<Unit> all_units(const std::vector<Case>& cases);

// A random permutation of `units` that depends only on `seed` (splitmix64 and unbiased bounded
// draws, written out so that every standard library gives the same order for a seed).
void shuffle_units(std::vector<Unit>& units, std::uint64_t seed);

// A seed for a run that was given none.
std::uint64_t fresh_seed();

// The settings one round of a case runs with. The case's budget is split over its rounds:
// repetitions and max_repetitions are divided (rounded up, so a case measures at least
// `repetitions` samples in all) and so is min_time; every round keeps the case's warm-ups,
// since each is a fresh process that must warm up again. Splitting, not multiplying, keeps a
// job's cost close to what it was with one round (docs/job-files.md, "Rounds" has the measurements).
CaseSettings round_settings(const CaseSettings& s);

}  // namespace perfmatrix
