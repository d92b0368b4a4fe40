#pragma once
// Kind `memory_faults`: what it costs to make fresh anonymous memory usable (one page fault
// per page) against touching pages already resident. Parameters: faults_params.hpp.

#include "workers/model/runner.hpp"

namespace perfmatrix::memory {

class FaultsRunner final : public Runner {
public:
    CaseOutcome run(const Case& c, const RunContext& ctx) override;
};

}  // namespace perfmatrix::memory
