#pragma once
// What a rank says of itself at start (protocol::Hello): the run's workers, rank 0 itself and
// `perfmatrix system` all describe a rank the same way.

#include "orchestrator/run/mpi_session.hpp"
#include "orchestrator/run/protocol.hpp"

namespace perfmatrix {

// This rank's number, node, host probe (system state included) and capabilities.
protocol::Hello own_hello(const MpiSession& mpi);

}  // namespace perfmatrix
