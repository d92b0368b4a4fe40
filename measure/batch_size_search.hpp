#pragma once
// Finding how many inner operations one timed batch holds. In-process kinds time a batch of
// calls rather than one call: a batch must last far longer than the timer's resolution and
// the cost of starting and stopping it (threads released and joined, a clock read). Every
// such kind sizes its batches here, once per case, before the warm-ups.

#include <cstdint>
#include <functional>
#include <optional>

namespace perfmatrix {

struct BatchSearch {
    double target = 0.05;  // seconds a batch must last at least
    std::uint64_t start = 1;
    std::uint64_t max = UINT64_MAX;  // never larger (bounds memory and time)
    // How many batches in a row must reach the target before a size is kept. 2 where the first
    // batch of a size runs cold (allocator growth, page faults: up to 2x slower, seen with
    // asio_post) and would stop the search too early.
    int confirmations = 1;
};

struct FoundBatch {
    std::uint64_t size = 1;
    double seconds = 0;  // what the last batch of that size took
};

// Seconds a batch of n operations took, or nullopt when it was cut short (timeout, stop):
// the caller keeps the reason.
using TimeBatch = std::function<std::optional<double>(std::uint64_t n)>;

// Grows n from `start` until batches last `target` (or n reaches max); nullopt as soon as a
// batch is cut short.
std::optional<FoundBatch> search_batch_size(const TimeBatch& time_batch, const BatchSearch& search);

// The next size to try after a batch of n took `took` seconds: 20 % past the target so the
// next try usually lands, at least x2 (progress), at most x100 (a batch too short to time well
// must not suggest an absurd size), never above max.
std::uint64_t next_batch_size(std::uint64_t n, double took, double target, std::uint64_t max);

}  // namespace perfmatrix
