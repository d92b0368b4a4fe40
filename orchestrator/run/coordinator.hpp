#pragma once
// Rank 0: loads the job, opens the results file, hands cases out, records every outcome.

#include "orchestrator/run/mpi_session.hpp"
#include "orchestrator/run/run_options.hpp"

namespace perfmatrix {

int coordinate(const MpiSession& mpi, const RunOptions& opt);

}  // namespace perfmatrix
