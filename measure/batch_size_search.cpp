#include "measure/batch_size_search.hpp"

#include <algorithm>
#include <cmath>

namespace perfmatrix {

std::uint64_t next_batch_size(std::uint64_t n, double took, double target, std::uint64_t max) {
    const double factor = took > 0 ? std::clamp(1.2 * target / took, 2.0, 100.0) : 100.0;
    const double grown = std::round(static_cast<double>(n) * factor);
    return grown >= static_cast<double>(max) ? max : static_cast<std::uint64_t>(grown);
}

std::optional<FoundBatch> search_batch_size(const TimeBatch& time_batch, const BatchSearch& search) {
    std::uint64_t n = std::clamp<std::uint64_t>(search.start, 1, std::max<std::uint64_t>(search.max, 1));
    int long_enough = 0;
    for (;;) {
        const auto took = time_batch(n);
        if (!took) return std::nullopt;
        if (n >= search.max) return FoundBatch{n, *took};
        if (*took >= search.target) {
            if (++long_enough >= search.confirmations) return FoundBatch{n, *took};
            continue;
        }
        long_enough = 0;
        n = next_batch_size(n, *took, search.target, search.max);
    }
}

}  // namespace perfmatrix
