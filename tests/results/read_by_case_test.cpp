// Reading a file by case (read_results_by_case, as `report` and `compare` do): the records
// without samples, then each case's samples loaded on its own, must be read_results' records.

#include "results/results_reader.hpp"
#include "results/results_writer.hpp"
#include "tests/results/fixture_cases.hpp"
#include "tests/results/temp_dir.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <thread>
#include <vector>

namespace perfmatrix {
namespace {

// Fixture case i's round `round`: its samples (warm-ups, two metrics) shifted per round, so
// a round's samples put in another round's place would not compare equal.
CaseRecord round_of(int i, int round) {
    CaseRecord c = test::fixture_case(i, 6 + i % 3);
    c.round = round;
    c.plan_index = i;
    for (Sample& s : c.samples) s.value += round * 100;
    // A metric only some rounds have, first in its round: metrics then merge across rounds.
    if (round == 1) c.samples.insert(c.samples.begin(), {"max_rss", "bytes", 0, false, 1e6 + i});
    if (round > 0) c.components.clear();  // as the writer stores them: with the first round
    return c;
}

// Five cases in three rounds, committed out of order and interleaved, as a shuffled run does;
// one case has only two rounds.
std::filesystem::path write_rounds(const test::TempDir& dir) {
    const auto file = dir / "r.h5";
    ResultsWriter w = ResultsWriter::create(file, test::fixture_meta());
    w.begin_invocation(test::fixture_invocation());
    for (int round : {2, 0, 1})
        for (int i : {3, 0, 4, 1, 2})
            if (!(i == 4 && round == 2)) w.commit_case(round_of(i, round));
    w.finish_invocation("completed", 1.8e9);
    return file;
}

void expect_same_but_samples(const CaseRecord& want, const CaseRecord& got) {
    SCOPED_TRACE("case " + want.case_id);
    EXPECT_EQ(want.case_id, got.case_id);
    EXPECT_EQ(want.status, got.status);
    EXPECT_EQ(want.reason, got.reason);
    EXPECT_EQ(want.round, got.round);
    EXPECT_EQ(want.plan_index, got.plan_index);
    EXPECT_EQ(want.axes, got.axes);
    EXPECT_EQ(want.environment, got.environment);
    EXPECT_EQ(want.components, got.components);
    ASSERT_EQ(want.rounds.size(), got.rounds.size());
    for (std::size_t k = 0; k < want.rounds.size(); ++k) EXPECT_EQ(want.rounds[k].round, got.rounds[k].round);
}

TEST(ReadByCase, RecordsComeWithoutSamplesAndLoadGivesReadResultsRecords) {
    test::TempDir dir;
    const auto file = write_rounds(dir);
    const Results whole = read_results(file, nullptr);
    const ResultsByCase by_case = read_results_by_case(file, nullptr);
    ASSERT_EQ(whole.cases.size(), 5u);
    ASSERT_EQ(by_case.results.cases.size(), whole.cases.size());
    EXPECT_EQ(by_case.results.meta.job_hash, whole.meta.job_hash);
    EXPECT_EQ(by_case.results.invocations.size(), whole.invocations.size());
    EXPECT_EQ(by_case.results.ranks.size(), whole.ranks.size());
    for (std::size_t i = 0; i < whole.cases.size(); ++i) {
        const CaseRecord& want = whole.cases[i];
        const CaseRecord& index = by_case.results.cases[i];
        ASSERT_FALSE(want.samples.empty());
        EXPECT_TRUE(index.samples.empty()) << "records read by case hold no samples";
        expect_same_but_samples(want, index);
        const CaseRecord loaded = by_case.samples->load(index);
        expect_same_but_samples(want, loaded);
        EXPECT_EQ(loaded.samples, want.samples) << "values, rounds and order as read_results gives them";
        EXPECT_EQ(loaded.metrics, want.metrics) << "the metrics its samples and components name, in the same order";
    }
}

TEST(ReadByCase, ThreadsLoadingAtOnceGetTheSameRecords) {
    test::TempDir dir;
    const auto file = write_rounds(dir);
    const Results whole = read_results(file, nullptr);
    const ResultsByCase by_case = read_results_by_case(file, nullptr);
    std::vector<std::vector<Sample>> got(whole.cases.size() * 8);
    {
        std::vector<std::jthread> threads;
        for (std::size_t t = 0; t < 4; ++t)
            threads.emplace_back([&, t] {
                for (std::size_t k = t; k < got.size(); k += 4)
                    got[k] = by_case.samples->load(by_case.results.cases[k % whole.cases.size()]).samples;
            });
    }
    for (std::size_t k = 0; k < got.size(); ++k) EXPECT_EQ(got[k], whole.cases[k % whole.cases.size()].samples);
}

TEST(ReadByCase, ACaseOfAnotherFileIsRefused) {
    test::TempDir dir;
    const auto file = write_rounds(dir);
    const ResultsByCase by_case = read_results_by_case(file, nullptr);
    CaseRecord stranger = by_case.results.cases.front();
    stranger.case_id = "not/in/this/file";
    EXPECT_THROW(by_case.samples->load(stranger), std::invalid_argument);
}

}  // namespace
}  // namespace perfmatrix
