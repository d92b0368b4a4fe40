#pragma once
// A case's rounds: the file stores one row of `cases` per round; readers see one record per case.

#include "measure/model/records.hpp"

#include <vector>

namespace perfmatrix {

// One record per case id, in plan order (plan_index; cases without one after those with, in the
// order their first round was committed), with its rounds
// in `rounds` (sorted by round), their samples and components in round order, each sample's
// `round` set, and environment and axes of the first round. The case's status is `ok` when
// every round is; otherwise that of its first round that is not, whose reason is prefixed
// "round N: " when the case has several rounds (a case that fails now and then is reported,
// not averaged over the rounds where it happened to work). rank, node and host are its first
// round's; started and ended span all of them.
std::vector<CaseRecord> merge_rounds(std::vector<CaseRecord> rows);

// The record's rounds; a record built without them (by hand, in a test) is its own one round.
std::vector<RoundRecord> rounds_of(const CaseRecord& c);

// The rounds of a record merge_rounds made, one record each, as the writer stores them
// (`perfmatrix merge` copies cases round by round).
std::vector<CaseRecord> split_rounds(const CaseRecord& merged);

}  // namespace perfmatrix
