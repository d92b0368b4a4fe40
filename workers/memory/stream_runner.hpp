#pragma once
// Kind `memory_stream`: sustained memory bandwidth, STREAM style. Parameters:
// stream_params.hpp; the result check: stream_check.hpp.

#include "workers/memory/stream_kernels.hpp"
#include "workers/model/runner.hpp"

#include <functional>

namespace perfmatrix::memory {

class StreamRunner final : public Runner {
public:
    // Called after each timed batch, before the check. Tests pass one that damages the
    // output, to see the case fail as wrong_result; production passes none.
    using AfterBatch = std::function<void(const StreamArrays&)>;

    explicit StreamRunner(AfterBatch after_batch = {}) : after_batch_(std::move(after_batch)) {}
    CaseOutcome run(const Case& c, const RunContext& ctx) override;

private:
    AfterBatch after_batch_;
};

}  // namespace perfmatrix::memory
