#include "measure/torch/torch_sampled_indices.hpp"

namespace perfmatrix::torch_bench {

std::vector<std::int64_t> sampled_indices(std::int64_t n, std::int64_t count) {
    std::vector<std::int64_t> out;
    if (n <= 0) return out;
    if (n <= count) {
        for (std::int64_t i = 0; i < n; ++i) out.push_back(i);
        return out;
    }
    out.push_back(0);
    out.push_back(n - 1);
    // splitmix64: cheap, well spread, and needs no state beyond the counter.
    std::uint64_t state = 0x9e3779b97f4a7c15ULL;
    while (static_cast<std::int64_t>(out.size()) < count) {
        std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        z ^= z >> 31;
        out.push_back(static_cast<std::int64_t>(z % static_cast<std::uint64_t>(n)));
    }
    return out;
}

}  // namespace perfmatrix::torch_bench
