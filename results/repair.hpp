#pragma once
// What --resume fixes before writing again: cuts orphan and torn rows (commit_rule.hpp) so a
// rerun case is stored once, and records invocations that died while "running" as "killed".
// Runs before SWMR starts: tables cannot shrink in SWMR mode. Internal to results/.

#include "results/commit_rule.hpp"

#include <string>
#include <vector>

namespace perfmatrix {

struct Repair {
    hsize_t dropped_samples = 0;
    hsize_t dropped_axes = 0;
    hsize_t dropped_environment = 0;  // rank_environment
    hsize_t dropped_case_environment = 0;
    hsize_t dropped_components = 0;
    hsize_t dropped_torn = 0;  // half-written rows of cases, ranks, invocations
    std::vector<int> killed_invocations;
    bool any() const;
    hsize_t orphans() const;  // rows dropped from the tables that commit rows point into
};

Repair repair_for_resume(Tables& tables, const Committed& committed);

// The one line the CLI prints: "recovered r.h5: cleared ...; dropped ... (12 cases intact)",
// or "" when nothing needed repair.
std::string recovery_note(const std::string& file_name, bool cleared_flags, const Repair& repair,
                          hsize_t committed_cases);

}  // namespace perfmatrix
