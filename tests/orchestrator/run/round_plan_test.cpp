#include "orchestrator/run/round_plan.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace perfmatrix {
namespace {

std::vector<Case> cases_with_rounds(std::vector<int> rounds) {
    std::vector<Case> cases;
    for (int r : rounds) {
        Case c;
        c.id = "c" + std::to_string(cases.size());
        c.settings.rounds = r;
        cases.push_back(c);
    }
    return cases;
}

TEST(RoundPlan, EveryRoundOfEveryCaseOnce) {
    const auto units = all_units(cases_with_rounds({3, 1, 2}));
    ASSERT_EQ(units.size(), 6u);
    EXPECT_EQ(units[0], (Unit{0, 0}));
    EXPECT_EQ(units[2], (Unit{0, 2}));
    EXPECT_EQ(units[3], (Unit{1, 0}));
    EXPECT_EQ(units[5], (Unit{2, 1}));
}

TEST(RoundPlan, SameSeedSameOrderOtherSeedOtherOrder) {
    const auto units = all_units(cases_with_rounds(std::vector<int>(10, 5)));
    auto a = units, b = units, c = units;
    shuffle_units(a, 42);
    shuffle_units(b, 42);
    shuffle_units(c, 43);
    EXPECT_EQ(a, b);
    EXPECT_NE(a, c);
    EXPECT_NE(a, units) << "50 units left in order by a shuffle: probability 1/50!";
    // A permutation: nothing lost, nothing doubled.
    const auto key = [](const Unit& u) { return std::pair(u.case_index, u.round); };
    std::set<std::pair<std::size_t, int>> seen;
    for (const Unit& u : a) seen.insert(key(u));
    EXPECT_EQ(seen.size(), units.size());
}

TEST(RoundPlan, TheOrderOfASeedIsFixedAcrossBuilds) {
    // The order is part of what --seed replays, so it must not depend on the standard library.
    auto units = all_units(cases_with_rounds({2, 2}));
    shuffle_units(units, 1);
    std::vector<std::pair<std::size_t, int>> got;
    for (const Unit& u : units) got.emplace_back(u.case_index, u.round);
    auto again = all_units(cases_with_rounds({2, 2}));
    shuffle_units(again, 1);
    EXPECT_EQ(units, again);
    EXPECT_EQ(got.size(), 4u);
}

TEST(RoundPlan, ShuffledPositionsAreRoughlyUniform) {
    // Where unit 0 lands over 4000 seeds among 4 places: each about 1000. A place with fewer
    // than 850 or more than 1150 is 5.5 standard deviations off (binomial sd 27.4): a biased
    // shuffle, not chance.
    std::vector<int> landed(4, 0);
    for (std::uint64_t seed = 0; seed < 4000; ++seed) {
        auto units = all_units(cases_with_rounds({4}));
        shuffle_units(units, seed);
        const auto at = std::find(units.begin(), units.end(), Unit{0, 0}) - units.begin();
        ++landed[static_cast<std::size_t>(at)];
    }
    for (int n : landed) {
        EXPECT_GT(n, 850);
        EXPECT_LT(n, 1150);
    }
}

TEST(RoundPlan, FreshSeedsDiffer) { EXPECT_NE(fresh_seed(), fresh_seed()); }

TEST(RoundPlan, TheBudgetIsSplitOverRounds) {
    CaseSettings s;
    s.rounds = 4;
    s.repetitions = 10;
    s.max_repetitions = 100;
    s.min_time = 2.0;
    s.warmup = 2;
    const CaseSettings r = round_settings(s);
    EXPECT_EQ(r.repetitions, 3) << "rounded up: 4 x 3 >= 10";
    EXPECT_EQ(r.max_repetitions, 25);
    EXPECT_DOUBLE_EQ(r.min_time, 0.5);
    EXPECT_EQ(r.warmup, 2) << "every round is a fresh process and warms up again";
    s.rounds = 1;
    EXPECT_EQ(round_settings(s), s);
    s.rounds = 20;
    s.repetitions = 5;
    s.max_repetitions = 5;
    EXPECT_EQ(round_settings(s).repetitions, 1);
    EXPECT_EQ(round_settings(s).max_repetitions, 1);
}

}  // namespace
}  // namespace perfmatrix
