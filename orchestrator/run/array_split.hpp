#pragma once
// `perfmatrix run --array-split N --array-index I`: one task of a job array runs a 1/N share of
// the job's cases into its own file; `perfmatrix merge` puts the shares back together.

#include <cstddef>
#include <optional>
#include <vector>

namespace perfmatrix {

struct ArrayShare {
    int count = 1;  // N: how many shares the job is split into; 1 is the whole job
    int index = 0;  // I: which share, 0 <= I < N
};

// The share a run takes: `split` 0 means no split (the whole job). The index comes from
// --array-index, else from $SLURM_ARRAY_TASK_ID (`slurm_task_id`, may be null). Throws
// std::invalid_argument naming the option and what was expected.
ArrayShare resolve_array_share(int split, std::optional<int> index, const char* slurm_task_id);

// Indices (into the expanded case list) of the cases of one share: case k goes to share k mod N.
// Cases are ordered by benchmark, so every benchmark's cases are spread over all shares (each
// share gets within one of the same number of each benchmark), and a share's cases keep
// their order.
std::vector<std::size_t> cases_of_share(std::size_t case_count, const ArrayShare& share);

}  // namespace perfmatrix
