#pragma once
// A node's leader (topology.hpp, `perfmatrix run --leaders`): it measures nothing. It relays
// rank 0's messages to its node's ranks, and theirs to rank 0, batched: each time it wakes it
// takes every message that has arrived and sends rank 0 one relay with all of its workers'
// messages, so rank 0 probes, receives and rings once per batch instead of once per case.

#include "orchestrator/run/doorbells.hpp"
#include "orchestrator/run/mpi_session.hpp"

namespace perfmatrix {

// Runs until rank 0 says stop; `bells` are the leader's (Doorbells::connect).
int leader_loop(const MpiSession& mpi, Doorbells& bells);

}  // namespace perfmatrix
