#include "orchestrator/run/array_split.hpp"

#include <fmt/format.h>

#include <charconv>
#include <stdexcept>
#include <string_view>

namespace perfmatrix {
namespace {

int parse_task_id(std::string_view text) {
    int value = -1;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || value < 0)
        throw std::invalid_argument(
            fmt::format("--array-index: $SLURM_ARRAY_TASK_ID is '{}', expected a non-negative integer", text));
    return value;
}

}  // namespace

ArrayShare resolve_array_share(int split, std::optional<int> index, const char* slurm_task_id) {
    if (split == 0) {
        if (index) throw std::invalid_argument("--array-index needs --array-split N");
        return {};
    }
    if (split < 1)
        throw std::invalid_argument(fmt::format("--array-split: expected a positive integer, got {}", split));
    if (!index) {
        if (slurm_task_id == nullptr || *slurm_task_id == '\0')
            throw std::invalid_argument(
                "--array-split needs --array-index I, or $SLURM_ARRAY_TASK_ID (set in a task of `sbatch --array`)");
        index = parse_task_id(slurm_task_id);
    }
    if (*index < 0 || *index >= split)
        throw std::invalid_argument(fmt::format(
            "--array-index {} is out of range for --array-split {}: expected 0 to {} (submit with --array=0-{})",
            *index, split, split - 1, split - 1));
    return {split, *index};
}

std::vector<std::size_t> cases_of_share(std::size_t case_count, const ArrayShare& share) {
    std::vector<std::size_t> out;
    const auto n = static_cast<std::size_t>(share.count);
    for (std::size_t k = static_cast<std::size_t>(share.index); k < case_count; k += n) out.push_back(k);
    return out;
}

}  // namespace perfmatrix
