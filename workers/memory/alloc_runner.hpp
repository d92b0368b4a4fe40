#pragma once
// Kind `memory_alloc`: malloc/free throughput of one allocator. Parameters: alloc_params.hpp;
// the loop: alloc_rounds.hpp; how the allocator gets in: allocator_preload.hpp.

#include "workers/model/runner.hpp"

namespace perfmatrix::memory {

class AllocRunner final : public Runner {
public:
    CaseOutcome run(const Case& c, const RunContext& ctx) override;
};

}  // namespace perfmatrix::memory
