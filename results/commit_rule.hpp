#pragma once
// Which rows of a results file are committed. Writers append a case's rows of case_axes,
// samples, case_environment and components first and its `cases` row last, flushing in
// between, so a crash can leave rows at the end of those tables (and of rank_environment)
// that no committed row points to: orphans.
// The rule: the committed cases are the rows of `cases` up to the last one whose ranges in
// all four tables lie within them and start and end with rows carrying its case_id; rows
// past the end of that case's ranges are orphans. Ranks and their environment rows follow
// the same rule. Internal to results/.

#include "results/tables.hpp"

namespace perfmatrix {

struct Committed {
    hsize_t invocations = 0;  // committed rows (a prefix of each table)
    hsize_t ranks = 0;
    hsize_t environment = 0;
    hsize_t cases = 0;
    hsize_t metrics = 0;  // every row of the table
    hsize_t axes = 0;
    hsize_t samples = 0;
    hsize_t case_environment = 0;
    hsize_t components = 0;
};

Committed find_committed(const Tables& tables);

}  // namespace perfmatrix
