// perfmatrix merge: shares of one job become one file; other jobs, other splits and conflicting
// cases are refused, naming the file.

#include "results/results_merge.hpp"
#include "results/results_reader.hpp"
#include "results/results_writer.hpp"
#include "results/table.hpp"
#include "tests/results/expect_records.hpp"
#include "tests/results/fixture_cases.hpp"
#include "tests/results/temp_dir.hpp"

#include <gtest/gtest.h>

#include <map>

namespace perfmatrix {
namespace {

RunMeta share_meta(int split, int index, std::int64_t planned) {
    RunMeta m = test::fixture_meta();
    m.array_split = split;
    m.array_index = index;
    m.planned_cases = static_cast<int>(planned);
    m.planned_per_benchmark = {{"fixture", planned}};
    return m;
}

// A closed file of one invocation holding fixture cases `ids`.
void write_share(const std::filesystem::path& file, const RunMeta& meta, const std::vector<int>& ids,
                 const std::string& status = "completed") {
    ResultsWriter w = ResultsWriter::create(file, meta);
    w.begin_invocation(test::fixture_invocation());
    w.add_rank(test::fixture_rank(0));
    w.add_rank(test::fixture_rank(1));
    for (int i : ids) w.commit_case(test::fixture_case(i, 3));
    w.finish_invocation(status, 1.8e9);
}

std::string refusal(const std::vector<std::filesystem::path>& in, const std::filesystem::path& out) {
    try {
        merge_results(in, out);
    } catch (const MergeRefused& e) {
        return e.what();
    }
    return "";
}

// Samples and components name their case and metric by row number in their own file; the
// merged file numbers them anew (here b's case is row 1, and its metrics come in another order).
TEST(Merge, RenumbersTheCasesAndMetricsThatRowsName) {
    test::TempDir dir;
    CaseRecord a_case = test::fixture_case(0, 2), b_case = test::fixture_case(1, 2);
    a_case.samples.insert(a_case.samples.begin(), Sample{"max_rss", "bytes", 0, false, 4096});
    b_case.components.push_back({"json", "import_cumulative", "s", 0, false, 2e-4});
    for (const auto& [file, c] : {std::pair{dir / "a.h5", &a_case}, std::pair{dir / "b.h5", &b_case}}) {
        ResultsWriter w = ResultsWriter::create(file, share_meta(2, file == dir / "a.h5" ? 0 : 1, 1));
        w.begin_invocation(test::fixture_invocation());
        w.commit_case(*c);
        w.finish_invocation("completed", 1.8e9);
    }
    merge_results({dir / "a.h5", dir / "b.h5"}, dir / "all.h5");
    b_case.invocation = 1;  // b's invocation follows a's
    const Results r = read_results(dir / "all.h5", nullptr);
    ASSERT_EQ(r.cases.size(), 2u);
    test::expect_same(a_case, r.cases[0]);
    test::expect_same(b_case, r.cases[1]);
    // max_rss, wall_time, import_self, import_cumulative: once each.
    const h5::File f(H5Fopen((dir / "all.h5").c_str(), H5F_ACC_RDONLY, H5P_DEFAULT));
    EXPECT_EQ(Table::open(f.get(), schema::metrics_table(), "all.h5").rows(), 4u);
}

TEST(Merge, SharesBecomeOneFileWithEveryRecord) {
    test::TempDir dir;
    write_share(dir / "a.h5", share_meta(2, 0, 3), {0, 2, 4});
    write_share(dir / "b.h5", share_meta(2, 1, 2), {1, 3}, "interrupted");
    const MergeSummary s = merge_results({dir / "a.h5", dir / "b.h5"}, dir / "all.h5");
    EXPECT_EQ(s.cases, 5u);
    EXPECT_EQ(s.invocations, 2u);
    EXPECT_EQ(s.note, "");

    const Results r = read_results(dir / "all.h5", nullptr);
    EXPECT_EQ(r.meta.job_hash, test::fixture_meta().job_hash);
    EXPECT_EQ(r.meta.planned_cases, 5);
    EXPECT_EQ(r.meta.array_split, 2);
    EXPECT_EQ(r.meta.array_index, -1);
    ASSERT_EQ(r.meta.planned_per_benchmark.size(), 1u);
    EXPECT_EQ(r.meta.planned_per_benchmark[0].second, 5);
    ASSERT_EQ(r.invocations.size(), 2u);
    EXPECT_EQ(r.invocations[0].status, "completed");
    EXPECT_EQ(r.invocations[1].status, "interrupted");
    EXPECT_EQ(r.invocations[1].invocation, 1);
    ASSERT_EQ(r.ranks.size(), 4u);
    EXPECT_EQ(r.ranks[2].invocation, 1);  // b's ranks point at b's invocation, renumbered
    test::expect_same(test::fixture_rank(1), [&] {
        RankRecord k = r.ranks[3];
        k.invocation = 0;
        return k;
    }());
    ASSERT_EQ(r.cases.size(), 5u);
    std::map<std::string, const CaseRecord*> by_id;
    for (const auto& c : r.cases) by_id[c.case_id] = &c;
    for (int i = 0; i < 5; ++i) {
        CaseRecord want = test::fixture_case(i, 3);
        want.invocation = i % 2;  // even ids came from a.h5 (invocation 0), odd from b.h5 (1)
        ASSERT_TRUE(by_id.count(want.case_id)) << want.case_id;
        test::expect_same(want, *by_id[want.case_id]);
    }
}

TEST(Merge, NotesMissingShares) {
    test::TempDir dir;
    write_share(dir / "a.h5", share_meta(3, 0, 2), {0, 3});
    write_share(dir / "c.h5", share_meta(3, 2, 1), {2});
    const MergeSummary s = merge_results({dir / "a.h5", dir / "c.h5"}, dir / "all.h5");
    EXPECT_EQ(s.note, "merged 2 of 3 shares of the job array; missing: 1");
}

TEST(Merge, IdenticalRepeatIsKeptOnce) {
    test::TempDir dir;
    write_share(dir / "a.h5", share_meta(1, 0, 3), {0, 1});
    write_share(dir / "b.h5", share_meta(1, 0, 3), {1, 2});
    const MergeSummary s = merge_results({dir / "a.h5", dir / "b.h5"}, dir / "all.h5");
    EXPECT_EQ(s.cases, 3u);
    EXPECT_EQ(s.duplicates, 1u);
    EXPECT_EQ(read_results(dir / "all.h5", nullptr).meta.planned_cases, 3);  // one share, counted once
}

TEST(Merge, RefusesAnotherJob) {
    test::TempDir dir;
    write_share(dir / "a.h5", share_meta(1, 0, 3), {0});
    RunMeta other = share_meta(1, 0, 3);
    other.job_hash = std::string(64, 'e');
    write_share(dir / "b.h5", other, {1});
    const std::string why = refusal({dir / "a.h5", dir / "b.h5"}, dir / "all.h5");
    EXPECT_NE(why.find((dir / "b.h5").string() + ": written for another job"), std::string::npos) << why;
    EXPECT_FALSE(std::filesystem::exists(dir / "all.h5"));
}

TEST(Merge, RefusesAnotherSplit) {
    test::TempDir dir;
    write_share(dir / "a.h5", share_meta(2, 0, 3), {0});
    write_share(dir / "b.h5", share_meta(3, 1, 3), {1});
    const std::string why = refusal({dir / "a.h5", dir / "b.h5"}, dir / "all.h5");
    EXPECT_NE(why.find((dir / "b.h5").string() + ": split into 3 shares"), std::string::npos) << why;
}

TEST(Merge, RefusesACaseWithDifferentData) {
    test::TempDir dir;
    write_share(dir / "a.h5", share_meta(1, 0, 3), {0, 1});
    {
        ResultsWriter w = ResultsWriter::create(dir / "b.h5", share_meta(1, 0, 3));
        w.begin_invocation(test::fixture_invocation());
        CaseRecord changed = test::fixture_case(1, 3);
        changed.samples[0].value += 1;
        w.commit_case(changed);
        w.finish_invocation("completed", 1.8e9);
    }
    const std::string why = refusal({dir / "a.h5", dir / "b.h5"}, dir / "all.h5");
    EXPECT_NE(why.find((dir / "b.h5").string() + ": case " + test::fixture_case_id(1) + " is also in " +
                       (dir / "a.h5").string() + " with different data"),
              std::string::npos)
        << why;
    EXPECT_FALSE(std::filesystem::exists(dir / "all.h5"));
}

TEST(Merge, OldFilesReadAsTheWholeJob) {
    // Files from before the split attributes: meta defaults, no per-benchmark plan.
    test::TempDir dir;
    write_share(dir / "a.h5", test::fixture_meta(), {0});
    const Results r = read_results(dir / "a.h5", nullptr);
    EXPECT_EQ(r.meta.array_split, 1);
    EXPECT_EQ(r.meta.array_index, 0);
    EXPECT_TRUE(r.meta.planned_per_benchmark.empty());
}

}  // namespace
}  // namespace perfmatrix
