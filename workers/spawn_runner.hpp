#pragma once
// Kind "spawn": the cost of starting a process and, optionally, of it becoming ready and
// being torn down. Parameters: spawn_params.hpp; statuses: spawn_outcome.hpp.

#include "workers/model/runner.hpp"

namespace perfmatrix {

class SpawnRunner final : public Runner {
public:
    CaseOutcome run(const Case& c, const RunContext& ctx) override;
};

}  // namespace perfmatrix
