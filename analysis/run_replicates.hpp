#pragma once
// Several runs of one job as one side of a comparison, the way pyperf treats its worker
// processes: the run, not the sample, is the unit of replication.
//
// Why: the samples of one run share its process, memory layout, clock frequency and
// neighbours, so a U test on them answers "did these two runs differ?", and two runs of the
// very same thing usually do, by a few percent (on the 2-core CI VM: 4-24 % per case). With
// several runs per side, each run contributes one value per case and metric (its median), and
// the test asks whether the runs of one side differ from those of the other more than runs
// differ among themselves. Interleave the runs of the two sides (ABBA...) so slow drift of the
// machine falls on both.

#include "results/records.hpp"

#include <string>
#include <vector>

namespace perfmatrix {

struct NamedRun {
    std::string name;  // the file it was read from, for messages
    const Results* results = nullptr;
};

// One Results whose cases hold, per metric, one measured sample per run: that run's median
// (repetition = the run's index in `runs`; warm-ups and NaNs left out as statistics do).
// Metadata, axes and environment are the first run's; invocations and ranks are all runs',
// in order. A case that is not ok in some run is taken as that run's record, its reason
// prefixed with the run's name: a case that fails now and then is reported, not averaged
// over the runs where it happened to work. Components are dropped (per-module numbers are
// not compared). Throws std::invalid_argument on no runs, or runs of different jobs.
Results combine_runs(const std::vector<NamedRun>& runs);

}  // namespace perfmatrix
