#include "orchestrator/run/round_plan.hpp"

#include "analysis/stats/bootstrap_random.hpp"

#include <algorithm>
#include <random>

namespace perfmatrix {
namespace {

int divided_up(int total, int parts) { return (total + parts - 1) / parts; }

}  // namespace

std::vector<Unit> all_units(const std::vector<Case>& cases) {
    std::vector<Unit> units;
    for (std::size_t i = 0; i < cases.size(); ++i)
        for (int r = 0; r < cases[i].settings.rounds; ++r) units.push_back({i, r});
    return units;
}

void shuffle_units(std::vector<Unit>& units, std::uint64_t seed) {
    // The bootstrap's generator: splitmix64 with Lemire's unbiased draws, the same on every
    // standard library, so a seed replays the same order anywhere.
    SplitMix64 rng(seed);
    for (std::size_t i = units.size(); i > 1; --i) std::swap(units[i - 1], units[rng.below(i)]);
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
