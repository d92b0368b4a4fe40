#pragma once
// One thread's malloc/free loop. A round mallocs `count` blocks, writes a tag byte at both
// ends of each (so the allocator must hand out real, distinct, writable memory and cannot be
// optimised away), then frees them in the pattern's order, checking each tag first: two
// blocks that overlap would have overwritten each other's tags.

#include "measure/memory/alloc_params.hpp"

#include <cstddef>
#include <functional>
#include <vector>

namespace perfmatrix::memory {

struct RoundsResult {
    long long rounds_done = 0;
    long long null_blocks = 0;     // malloc returned NULL
    long long damaged_blocks = 0;  // a tag was not what was written
};

class AllocRounds {
public:
    // Prepares the block table and the free order (random: a fixed shuffle seeded by
    // `seed`), so the timed loop allocates nothing but the blocks themselves.
    AllocRounds(const AllocParams& p, unsigned seed);

    // Runs up to `rounds` rounds; after each, stop() says whether to end early.
    RoundsResult run(long long rounds, const std::function<bool()>& stop);

    // Tests: the order blocks are freed in (indices into allocation order).
    const std::vector<std::size_t>& free_order() const { return order_; }

private:
    std::size_t size_;
    std::vector<unsigned char*> blocks_;
    std::vector<std::size_t> order_;
};

}  // namespace perfmatrix::memory
