// Cases measured in rounds: the file holds a row per round; readers see one record per case.

#include "results/case_rounds.hpp"
#include "results/results_reader.hpp"
#include "results/results_writer.hpp"
#include "tests/results/fixture_cases.hpp"
#include "tests/results/temp_dir.hpp"

#include <gtest/gtest.h>

#include <set>

namespace perfmatrix {
namespace {

CaseRecord round_of(int i, int round, int rank, double value, const std::string& status = "ok") {
    CaseRecord c = test::fixture_case(i, 0);
    c.round = round;
    c.rank = rank;
    c.node = rank / 2;
    c.status = status;
    c.reason = status == "ok" ? "" : "boom";
    c.started = 1.7e9 + round * 10;
    c.ended = c.started + 1;
    c.samples = {{"wall_time", "s", 0, true, value * 2}, {"wall_time", "s", 0, false, value}};
    c.components.clear();
    return c;
}

TEST(Rounds, OneRecordPerCaseWithItsRoundsInOrder) {
    test::TempDir dir;
    const auto path = dir / "r.h5";
    {
        auto w = ResultsWriter::create(path, test::fixture_meta());
        w.begin_invocation(test::fixture_invocation());
        // Committed out of order and interleaved with another case, as a shuffled run does.
        w.commit_case(round_of(0, 2, 3, 0.3));
        w.commit_case(round_of(1, 0, 1, 9.0));
        w.commit_case(round_of(0, 0, 1, 0.1));
        w.commit_case(round_of(0, 1, 2, 0.2));
        EXPECT_EQ(w.committed_units(), (std::set<std::pair<std::string, int>>{{test::fixture_case_id(0), 0},
                                                                              {test::fixture_case_id(0), 1},
                                                                              {test::fixture_case_id(0), 2},
                                                                              {test::fixture_case_id(1), 0}}));
        EXPECT_THROW(w.commit_case(round_of(0, 1, 2, 0.2)), std::invalid_argument) << "a round committed twice";
        w.finish_invocation("completed", 1.8e9);
    }
    const Results r = read_results(path, nullptr);
    ASSERT_EQ(r.cases.size(), 2u);
    const CaseRecord& a = r.cases[0];
    EXPECT_EQ(a.case_id, test::fixture_case_id(0)) << "in order of each case's first commit";
    ASSERT_EQ(a.rounds.size(), 3u);
    for (int k = 0; k < 3; ++k) {
        EXPECT_EQ(a.rounds[static_cast<std::size_t>(k)].round, k);
        EXPECT_EQ(a.rounds[static_cast<std::size_t>(k)].rank, k + 1);
        EXPECT_EQ(a.rounds[static_cast<std::size_t>(k)].node, (k + 1) / 2);
    }
    ASSERT_EQ(a.samples.size(), 6u);
    EXPECT_EQ(a.samples[1].round, 0);
    EXPECT_DOUBLE_EQ(a.samples[1].value, 0.1);
    EXPECT_EQ(a.samples[5].round, 2);
    EXPECT_DOUBLE_EQ(a.samples[5].value, 0.3);
    EXPECT_EQ(a.status, "ok");
    EXPECT_EQ(a.rank, 1) << "the first round's";
    EXPECT_DOUBLE_EQ(a.started, 1.7e9);
    EXPECT_DOUBLE_EQ(a.ended, 1.7e9 + 21);
    EXPECT_EQ(r.cases[1].rounds.size(), 1u);
}

TEST(Rounds, ACaseWithAFailedRoundIsReportedFailedNamingTheRound) {
    std::vector<CaseRecord> rows{round_of(0, 0, 1, 0.1), round_of(0, 1, 1, 0.1, "timeout"),
                                 round_of(0, 2, 1, 0.1, "signaled")};
    const auto merged = merge_rounds(rows);
    ASSERT_EQ(merged.size(), 1u);
    EXPECT_EQ(merged[0].status, "timeout");
    EXPECT_EQ(merged[0].reason, "round 1: boom");
}

TEST(Rounds, CasesComeBackInPlanOrderWhateverOrderTheirRoundsCommitted) {
    std::vector<CaseRecord> rows{round_of(2, 0, 1, 0.1), round_of(0, 1, 1, 0.1), round_of(1, 0, 1, 0.1),
                                 round_of(0, 0, 1, 0.1)};
    for (CaseRecord& r : rows)
        r.plan_index = r.case_id == test::fixture_case_id(0) ? 0 : r.case_id == test::fixture_case_id(1) ? 1 : 2;
    const auto merged = merge_rounds(rows);
    ASSERT_EQ(merged.size(), 3u);
    for (int i = 0; i < 3; ++i) EXPECT_EQ(merged[static_cast<std::size_t>(i)].case_id, test::fixture_case_id(i));
}

TEST(Rounds, SplitUndoesMerge) {
    std::vector<CaseRecord> rows{round_of(0, 1, 2, 0.2), round_of(0, 0, 1, 0.1)};
    rows[1].components.push_back({"mod", "import_self", "s", 0, false, 1e-3});
    const auto merged = merge_rounds(rows);
    ASSERT_EQ(merged.size(), 1u);
    const auto split = split_rounds(merged[0]);
    ASSERT_EQ(split.size(), 2u);
    EXPECT_EQ(split[0].round, 0);
    EXPECT_EQ(split[0].rank, 1);
    EXPECT_EQ(split[1].round, 1);
    EXPECT_EQ(split[1].rank, 2);
    ASSERT_EQ(split[1].samples.size(), 2u);
    EXPECT_DOUBLE_EQ(split[1].samples[1].value, 0.2);
    EXPECT_EQ(split[0].components.size(), 1u);
    EXPECT_TRUE(split[1].components.empty());
}

}  // namespace
}  // namespace perfmatrix
