// Which cases get compared with which: by case id across files, by one axis within a file.

#include "analysis/compare/axis_matching.hpp"
#include "analysis/compare/case_matching.hpp"
#include "compare_fixtures.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace perfmatrix {
namespace {

using testing::results_of;
using testing::spawn_case;

std::string id_or_none(const CaseRecord* c) { return c ? c->case_id : "-"; }

std::vector<std::string> describe(const std::vector<CasePair>& pairs) {
    std::vector<std::string> out;
    for (const CasePair& p : pairs) out.push_back(id_or_none(p.base) + " | " + id_or_none(p.fresh));
    return out;
}

TEST(MatchById, PairsEqualIdsAndKeepsEachSidesOnlyCases) {
    const Results base = results_of({spawn_case("start/a", {}, 1.0, "a"), spawn_case("start/b", {}, 1.0, "b"),
                                     spawn_case("start/c", {}, 1.0, "c")});
    const Results fresh = results_of({spawn_case("start/d", {}, 1.0, "d"), spawn_case("start/c", {}, 1.0, "c"),
                                      spawn_case("start/a", {}, 1.0, "a")});
    EXPECT_EQ(describe(match_by_id(base, fresh)),
              (std::vector<std::string>{"start/a | start/a", "start/b | -", "start/c | start/c", "- | start/d"}));
}

TEST(MatchById, UsesTheLatestRecordOfACase) {
    // A --resume records a case again; its later record supersedes the earlier one.
    CaseRecord failed = spawn_case("start/a", {}, 1.0);
    failed.status = status::timeout;
    Results base = results_of({failed, spawn_case("start/a", {}, 2.0)});
    base.cases[1].invocation = 1;
    const Results fresh = results_of({spawn_case("start/a", {}, 1.0)});
    const std::vector<CasePair> pairs = match_by_id(base, fresh);
    ASSERT_EQ(pairs.size(), 1u);
    EXPECT_EQ(pairs[0].base, &base.cases[1]);
    EXPECT_EQ(pairs[0].base->status, status::ok);
}

// python in {3.11, 3.12, 3.13} x n in {1, 2, 3}, with holes: no 3.11 case at n=2 (its
// baseline is missing), no 3.12 case at n=3, one 3.12 case with an include-only key, and a
// benchmark without the axis.
Results python_matrix() {
    std::vector<CaseRecord> cases;
    for (const std::string n : {"1", "2", "3"})
        for (const std::string py : {"3.11", "3.12", "3.13"}) {
            if ((py == "3.11" && n == "2") || (py == "3.12" && n == "3")) continue;
            cases.push_back(spawn_case("start/" + py + "-" + n, {{"python", py}, {"n", n}}, 1.0));
        }
    cases.push_back(spawn_case("start/3.12-big", {{"python", "3.12"}, {"n", "1"}, {"label", "big"}}, 1.0));
    cases.push_back(spawn_case("other/x", {{"size", "1"}}, 1.0, "other"));
    return results_of(std::move(cases));
}

TEST(MatchByAxis, PairsCasesThatDifferOnlyInTheAxis) {
    const Results r = python_matrix();
    const AxisMatching m = match_by_axis(r, "python", "3.11");
    EXPECT_EQ(m.baseline, "3.11");
    EXPECT_EQ(m.cases_without_axis, 1u);
    ASSERT_EQ(m.values.size(), 2u);
    // The extra include key makes 3.12-big differ in more than the axis: it has no baseline.
    EXPECT_EQ(m.values[0].value, "3.12");
    EXPECT_EQ(describe(m.values[0].pairs), (std::vector<std::string>{"start/3.11-1 | start/3.12-1", "start/3.11-3 | -",
                                                                     "- | start/3.12-big", "- | start/3.12-2"}));
    EXPECT_EQ(m.values[1].value, "3.13");
    EXPECT_EQ(describe(m.values[1].pairs),
              (std::vector<std::string>{"start/3.11-1 | start/3.13-1", "start/3.11-3 | start/3.13-3",
                                        "- | start/3.13-2"}));
}

TEST(MatchByAxis, RejectsAnAxisNoCaseHasAndAnAxisWithOneValue) {
    const Results r = python_matrix();
    EXPECT_THROW(match_by_axis(r, "pyhton", "3.11"), std::invalid_argument);
    EXPECT_THROW(match_by_axis(r, "size", "1"), std::invalid_argument);
    try {
        match_by_axis(r, "python", "2.7");
        FAIL() << "no exception";
    } catch (const std::invalid_argument& e) {
        // The message lists what there is to choose from.
        EXPECT_NE(std::string(e.what()).find("'3.12'"), std::string::npos) << e.what();
    }
}

TEST(ResolveAxisValue, ExactThenShortLabelThenVersionPrefix) {
    const std::vector<std::string> paths{"/root/.pyenv/versions/3.11.7/bin/python3",
                                         "/root/.pyenv/versions/3.12.1/bin/python3"};
    EXPECT_EQ(resolve_axis_value("python", paths, paths[1]), paths[1]);
    EXPECT_EQ(resolve_axis_value("python", paths, "3.12.1"), paths[1]);
    EXPECT_EQ(resolve_axis_value("python", paths, "3.11"), paths[0]);
    EXPECT_THROW(resolve_axis_value("python", paths, "3"), std::invalid_argument);    // both
    EXPECT_THROW(resolve_axis_value("python", paths, "3.1"), std::invalid_argument);  // neither: 3.1 != 3.11
}

}  // namespace
}  // namespace perfmatrix
