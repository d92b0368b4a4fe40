#include "measure/memory/alloc_rounds.hpp"

#include <algorithm>
#include <cstdlib>
#include <numeric>
#include <random>

namespace perfmatrix::memory {
namespace {

std::vector<std::size_t> make_order(FreeOrder pattern, std::size_t count, unsigned seed) {
    std::vector<std::size_t> order(count);
    std::iota(order.begin(), order.end(), std::size_t{0});
    if (pattern == FreeOrder::lifo) std::reverse(order.begin(), order.end());
    if (pattern == FreeOrder::random) std::shuffle(order.begin(), order.end(), std::mt19937_64(seed));
    return order;
}

// Never 0 (fresh memory often is), and different for neighbouring blocks.
unsigned char tag_of(std::size_t block) { return static_cast<unsigned char>(block % 251 + 1); }

}  // namespace

AllocRounds::AllocRounds(const AllocParams& p, unsigned seed)
    : size_(p.size), blocks_(p.count, nullptr), order_(make_order(p.pattern, p.count, seed)) {}

RoundsResult AllocRounds::run(long long rounds, const std::function<bool()>& stop) {
    RoundsResult r;
    const std::size_t last = size_ - 1;
    for (long long round = 0; round < rounds; ++round) {
        for (std::size_t j = 0; j < blocks_.size(); ++j) {
            auto* p = static_cast<unsigned char*>(std::malloc(size_));
            // The empty asm takes the pointer and clobbers memory: the compiler must assume
            // the block is used, so it cannot fold a malloc/free pair away.
            asm volatile("" : : "r"(p) : "memory");
            blocks_[j] = p;
            if (!p) {
                ++r.null_blocks;
                continue;
            }
            p[0] = tag_of(j);
            p[last] = tag_of(j);
        }
        for (const std::size_t j : order_) {
            unsigned char* p = blocks_[j];
            if (p && (p[0] != tag_of(j) || p[last] != tag_of(j))) ++r.damaged_blocks;
            std::free(p);
        }
        ++r.rounds_done;
        if (r.null_blocks > 0 || r.damaged_blocks > 0 || stop()) break;
    }
    return r;
}

}  // namespace perfmatrix::memory
