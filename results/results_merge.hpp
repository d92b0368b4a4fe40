#pragma once
// `perfmatrix merge`: one results file from several of the same job (the shares of a job array,
// or runs of one job elsewhere), with every case, sample, environment, component, invocation
// and rank of each.

#include <cstddef>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace perfmatrix {

struct MergeSummary {
    std::size_t cases = 0;       // cases in the merged file
    std::size_t duplicates = 0;  // cases found in more than one input with the same data (kept once)
    std::size_t invocations = 0;
    std::string note;  // e.g. which shares of a job array are missing; "" when none
};

// The inputs do not go together (another job, another split, conflicting cases, a run still
// writing one): a refusal, not an I/O failure.
struct MergeRefused : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Writes `output` (which must not exist) from `inputs`, in their order. Refuses, naming the
// file: an input of another job (job hash), of another --array-split, one still being written,
// and a case present twice with different data (MergeRefused). Invocations are renumbered in input order;
// cases and ranks point at their new numbers.
MergeSummary merge_results(const std::vector<std::filesystem::path>& inputs, const std::filesystem::path& output);

}  // namespace perfmatrix
