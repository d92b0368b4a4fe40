#pragma once
// Running one case on whichever rank holds it: measure it in a perfmatrix-measure child,
// time-stamp it. Shared by worker ranks and by rank 0 when it runs alone.

#include "measure/model/runner.hpp"
#include "orchestrator/run/protocol.hpp"

namespace perfmatrix {

protocol::Result execute_case(const Case& c, const RunContext& ctx, const std::string& host);

double unix_now();

}  // namespace perfmatrix
