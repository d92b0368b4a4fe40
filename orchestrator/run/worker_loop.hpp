#pragma once
// Ranks >= 1: announce what this rank has, then run the cases rank 0 assigns until it says stop
// (through the node's leader, if it has one; a leader runs leader_loop instead).

#include "orchestrator/run/mpi_session.hpp"

namespace perfmatrix {

int worker_loop(const MpiSession& mpi);

}  // namespace perfmatrix
