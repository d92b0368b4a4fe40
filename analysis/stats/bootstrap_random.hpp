#pragma once
// The random numbers of the bootstrap intervals (ratio_ci.cpp, hierarchical_bootstrap.cpp),
// shared so both draw the same way. Written out rather than std:: distributions, whose output
// differs between standard libraries: the same data must give the same interval everywhere.

#include <cstddef>
#include <cstdint>
#include <span>

namespace perfmatrix {

// splitmix64 (Steele, Lea & Flood 2014): tiny, fully specified, passes BigCrush.
class SplitMix64 {
public:
    explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9;
        z = (z ^ (z >> 27)) * 0x94d049bb133111eb;
        return z ^ (z >> 31);
    }
    // Uniform in (0, 1): the top 53 bits, centred in their interval so 0 never comes out.
    double open_unit() { return (static_cast<double>(next() >> 11) + 0.5) * 0x1.0p-53; }
    // Uniform in [0, range), range >= 1, without modulo bias (Lemire 2019).
    std::uint64_t below(std::uint64_t range) {
        __extension__ typedef unsigned __int128 Wide;
        Wide product = static_cast<Wide>(next()) * range;
        auto low = static_cast<std::uint64_t>(product);
        if (low < range) {
            const std::uint64_t threshold = (0 - range) % range;
            while (low < threshold) {
                product = static_cast<Wide>(next()) * range;
                low = static_cast<std::uint64_t>(product);
            }
        }
        return static_cast<std::uint64_t>(product >> 64);
    }

private:
    std::uint64_t state_;
};

// The median of a resample held as a histogram over the sorted values: counts[i] copies of
// sorted[i], n in all. Type 7 at p = 1/2: order statistics (n - 1) / 2 and n / 2 (equal when n
// is odd). Shared by the flat and the round bootstrap, so both compute the same statistic.
template <class Count>
double counted_median(std::span<const double> sorted, std::span<const Count> counts, std::size_t n) {
    const std::size_t lo = (n - 1) / 2, hi = n / 2;
    std::size_t seen = 0, index = 0;
    while (seen + counts[index] <= lo) seen += counts[index++];
    const double low = sorted[index];
    while (seen + counts[index] <= hi) seen += counts[index++];
    return hi == lo ? low : low + 0.5 * (sorted[index] - low);
}

}  // namespace perfmatrix
