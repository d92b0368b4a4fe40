#include "orchestrator/round_plan.hpp"

#include <algorithm>
#include <random>

namespace perfmatrix {
namespace {

std::uint64_t splitmix64(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9;
    z = (z ^ (z >> 27)) * 0x94d049bb133111eb;
    return z ^ (z >> 31);
}

// Uniform in [0, bound), without modulo bias (Lemire 2019).
std::uint64_t bounded(std::uint64_t& state, std::uint64_t bound) {
    for (;;) {
        const auto product = static_cast<unsigned __int128>(splitmix64(state)) * bound;
        const auto low = static_cast<std::uint64_t>(product);
        if (low >= bound || low >= (-bound) % bound) return static_cast<std::uint64_t>(product >> 64);
    }
}

int divided_up(int total, int parts) { return (total + parts - 1) / parts; }

}  // namespace

std::vector<Unit> all_units(const std::vector<Case>& cases) {
    std::vector<Unit> units;
    for (std::size_t i = 0; i < cases.size(); ++i)
        for (int r = 0; r < cases[i].settings.rounds; ++r) units.push_back({i, r});
    return units;
}

void shuffle_units(std::vector<Unit>& units, std::uint64_t seed) {
    std::uint64_t state = seed;
    for (std::size_t i = units.size(); i > 1; --i) std::swap(units[i - 1], units[bounded(state, i)]);
}

std::uint64_t fresh_seed() {
    std::random_device device;
    return (static_cast<std::uint64_t>(device()) << 32) ^ device();
}

CaseSettings round_settings(const CaseSettings& s) {
    CaseSettings r = s;
    const int rounds = std::max(1, s.rounds);
    r.repetitions = divided_up(s.repetitions, rounds);
    r.max_repetitions = std::max(r.repetitions, divided_up(s.max_repetitions, rounds));
    r.min_time = s.min_time / rounds;
    return r;
}

}  // namespace perfmatrix
