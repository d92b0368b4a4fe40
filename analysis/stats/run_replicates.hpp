#pragma once
// Several runs of one job as one side of a comparison: their rounds pool into that side.
//
// Why: a round, not a sample, is the unit of replication (round_samples.hpp), and the rounds of
// several runs of one job are rounds of the same cases, taken further apart in time; the test
// then asks whether the rounds of one side differ from those of the other more than rounds
// differ among themselves. Interleave the runs of the two sides (ABBA...) so slow drift of the
// machine falls on both.

#include "measure/model/records.hpp"

#include <string>
#include <vector>

namespace perfmatrix {

struct NamedRun {
    std::string name;  // the file it was read from, for messages
    const Results* results = nullptr;
};

// One Results whose cases hold every run's samples, each run's rounds renumbered after those
// of the runs before it, so a side of 5 runs of 5 rounds has 25 rounds (a comparison takes
// one value per round, its median).
// Metadata, axes and environment are the first run's; invocations and ranks are all runs',
// in order. A case that is not ok in some run is taken as that run's record, its reason
// prefixed with the run's name: a case that fails now and then is reported, not averaged
// over the runs where it happened to work. Components are dropped (per-module numbers are
// not compared). Throws std::invalid_argument on no runs, or runs of different jobs.
Results combine_runs(const std::vector<NamedRun>& runs);

}  // namespace perfmatrix
