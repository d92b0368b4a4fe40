// --resume: job check, orphan rows, invocations left running. Orphans are made by appending
// rows with HDF5 itself, exactly as a writer killed between its sample and case rows leaves
// them (crash_test.cpp makes them by really killing one).

#include "results/metric_index.hpp"
#include "results/metric_of.hpp"
#include "results/recovery.hpp"
#include "results/results_reader.hpp"
#include "results/results_writer.hpp"
#include "results/rows.hpp"
#include "results/tables.hpp"
#include "tests/results/expect_records.hpp"
#include "tests/results/fixture_cases.hpp"
#include "tests/results/temp_dir.hpp"

#include <gtest/gtest.h>

namespace perfmatrix {
namespace {

// A closed file with invocation 0 and cases 0..n-1 committed.
void write_cases(const std::filesystem::path& file, int n) {
    ResultsWriter w = ResultsWriter::create(file, test::fixture_meta());
    w.begin_invocation(test::fixture_invocation());
    RankRecord rank = test::fixture_rank(0);
    w.add_rank(rank);
    for (int i = 0; i < n; ++i) w.commit_case(test::fixture_case(i, 4));
    w.finish_invocation("completed", 1.8e9);
}

// Appends rows of `case_id` for `items` to a table, as the writer does.
template <class Row, class Item>
void append_rows_of(Table& table, const std::string& case_id, const std::vector<Item>& items) {
    std::vector<Row> rows;
    for (const Item& item : items) rows.push_back(to_row(case_id, item));
    table.append(rows.data(), rows.size());
}

// The same for samples and components, which name their case (row `case_row` of cases) and
// metric by index; metrics the file lacks are appended to metrics first, described as the
// writer describes them.
template <class Row, class Item>
void append_indexed_rows_of(Tables& t, Table& table, hsize_t case_row, const CaseRecord& c,
                            const std::vector<Item>& items) {
    MetricIndex metrics = MetricIndex::from_table(t.metrics);
    std::vector<Row> rows;
    for (const Item& item : items)
        rows.push_back(
            to_row(static_cast<std::int32_t>(case_row), metrics.row_of(metric_of(c, item.metric, item.unit)), item));
    const auto new_metrics = metrics.take_new_rows();
    t.metrics.append(new_metrics.data(), new_metrics.size());
    table.append(rows.data(), rows.size());
}

// The rows a writer appends before the case row that commits them, the case row being the
// next row of cases.
void append_rows_of_case(Tables& t, const std::string& case_id, const CaseRecord& c) {
    append_rows_of<schema::AxisRow>(t.axes, case_id, c.axes);
    append_indexed_rows_of<schema::SampleRow>(t, t.samples, t.cases.rows(), c, c.samples);
    append_rows_of<schema::CaseEnvironmentRow>(t.case_environment, case_id, c.environment);
    append_indexed_rows_of<schema::ComponentRow>(t, t.components, t.cases.rows(), c, c.components);
}

std::size_t count_rows(const std::vector<CaseRecord>& cases, std::size_t (*rows_of_case)(const CaseRecord&)) {
    std::size_t n = 0;
    for (const CaseRecord& c : cases) n += rows_of_case(c);
    return n;
}

// The file as a killed writer leaves it: rows of case `ghost` (in every table a case has
// rows in, with a metric no committed case uses) and of a rank without their commit rows, and
// invocation 0 still "running".
void leave_orphans(const std::filesystem::path& file, const std::string& ghost) {
    h5::silence_library_errors();
    const h5::PropList fapl = writer_access(file);
    const h5::File f(H5Fopen(file.c_str(), H5F_ACC_RDWR, fapl.get()));
    ASSERT_TRUE(f);
    Tables t = open_tables(f.get(), file.string(), false);
    // 5 samples, 2 axes, 1 environment entry, 3 components of 2 samples each.
    CaseRecord c = test::fixture_case(103, 4);
    c.samples[0].metric = "ghost_metric";
    ASSERT_EQ(c.samples.size() + c.axes.size() + c.environment.size() + c.components.size(), 14u);
    append_rows_of_case(t, ghost, c);
    const schema::EnvironmentRow env = to_row(test::fixture_rank(9), {"K", "V"});
    t.environment.append(&env, 1);
    auto inv = t.invocations.read_row<schema::InvocationRow>(0);
    std::snprintf(inv.status, sizeof inv.status, "running");
    t.invocations.overwrite(0, &inv);
}

hsize_t rows_of(const std::filesystem::path& file, const schema::TableSpec& spec) {
    const h5::File f(H5Fopen(file.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT));
    return Table::open(f.get(), spec, file.string()).rows();
}

TEST(Resume, RefusesAFileOfAnotherJobNamingBothHashes) {
    test::TempDir dir;
    const auto file = dir / "r.h5";
    write_cases(file, 1);
    try {
        ResultsWriter::resume(file, "0therhash", nullptr);
        FAIL() << "resumed with another job";
    } catch (const std::invalid_argument& e) {  // bad input: `run` exits 2
        const std::string msg = e.what();
        EXPECT_NE(msg.find(test::fixture_meta().job_hash), std::string::npos) << msg;
        EXPECT_NE(msg.find("0therhash"), std::string::npos) << msg;
        EXPECT_NE(msg.find(file.string()), std::string::npos) << msg;
    }
}

TEST(Resume, ContinuesACleanFileWithoutNotes) {
    test::TempDir dir;
    const auto file = dir / "r.h5";
    write_cases(file, 3);
    std::string note = "unset";
    {
        ResultsWriter w = ResultsWriter::resume(file, test::fixture_meta().job_hash, &note);
        EXPECT_EQ(w.committed_case_ids().size(), 3u);
        EXPECT_EQ(w.meta().job_text, test::fixture_meta().job_text);
        EXPECT_EQ(w.begin_invocation(test::fixture_invocation()), 1);
        w.commit_case(test::fixture_case(3, 4));
        w.finish_invocation("completed", 1.9e9);
    }
    EXPECT_EQ(note, "");
    const Results r = read_results(file, nullptr);
    ASSERT_EQ(r.invocations.size(), 2u);
    EXPECT_EQ(r.invocations[0].status, "completed");
    EXPECT_EQ(r.invocations[1].status, "completed");
    ASSERT_EQ(r.cases.size(), 4u);
    EXPECT_EQ(r.cases[3].invocation, 0);  // as the caller set it (fixture_case leaves 0)
}

TEST(Resume, DropsOrphanRowsSoARerunCaseIsStoredOnce) {
    test::TempDir dir;
    const auto file = dir / "r.h5";
    write_cases(file, 3);
    const CaseRecord ghost = test::fixture_case(3, 4);
    leave_orphans(file, ghost.case_id);

    const Results before = read_results(file, nullptr);  // readers skip orphans, touch nothing
    EXPECT_EQ(before.cases.size(), 3u);
    EXPECT_EQ(before.ranks.size(), 1u);
    EXPECT_EQ(before.ranks[0].info.environment, test::fixture_rank(0).info.environment);
    EXPECT_EQ(rows_of(file, schema::samples_table()), 3 * 5 - 2 + 5u);  // case 2 failed: 3 samples

    std::string note;
    {
        ResultsWriter w = ResultsWriter::resume(file, test::fixture_meta().job_hash, &note);
        EXPECT_EQ(w.committed_case_ids().count(ghost.case_id), 0u);
        w.begin_invocation(test::fixture_invocation());
        w.commit_case(ghost);
        w.finish_invocation("completed", 1.9e9);
    }
    EXPECT_NE(note.find("recovered " + file.string()), std::string::npos) << note;
    EXPECT_NE(note.find("dropped 15 orphan rows (5 samples, 2 case_axes, 1 rank_environment, 1 case_environment, "
                        "6 components)"),
              std::string::npos)
        << note;
    EXPECT_NE(note.find("marked invocation 0 killed"), std::string::npos) << note;
    EXPECT_NE(note.find("(3 cases intact)"), std::string::npos) << note;

    const Results after = read_results(file, nullptr);
    ASSERT_EQ(after.cases.size(), 4u);
    test::expect_same(ghost, after.cases[3]);
    // No leftover rows in any table.
    EXPECT_EQ(rows_of(file, schema::samples_table()),
              count_rows(after.cases, [](auto& c) { return c.samples.size(); }));
    EXPECT_EQ(rows_of(file, schema::axes_table()), 4 * 2u);
    EXPECT_EQ(rows_of(file, schema::case_environment_table()),
              count_rows(after.cases, [](auto& c) { return c.environment.size(); }));
    EXPECT_EQ(rows_of(file, schema::components_table()),
              count_rows(after.cases, [](auto& c) { return c.components.size(); }));
    EXPECT_GT(rows_of(file, schema::components_table()), 0u);
    // Metric rows are never cut: the ghost's (unused now) stays beside wall_time and import_self.
    EXPECT_EQ(rows_of(file, schema::metrics_table()), 3u);
    ASSERT_EQ(after.invocations.size(), 2u);
    EXPECT_EQ(after.invocations[0].status, "killed");
    // Its end is unknown; the last case it committed is the latest sign of life.
    EXPECT_EQ(after.invocations[0].ended, test::fixture_case(2, 4).ended);
}

// The commit rule keeps metric rows appended for a case that never committed: harmless
// entries nobody names, which a resumed writer reuses rather than storing a pair twice.
TEST(Resume, KeepsAnUncommittedCasesMetricRowAndReusesIt) {
    test::TempDir dir;
    const auto file = dir / "r.h5";
    write_cases(file, 3);
    ASSERT_EQ(rows_of(file, schema::metrics_table()), 2u);  // wall_time and import_self, both in s
    leave_orphans(file, test::fixture_case_id(3));
    ASSERT_EQ(rows_of(file, schema::metrics_table()), 3u);
    EXPECT_EQ(read_results(file, nullptr).cases.size(), 3u);

    CaseRecord rerun = test::fixture_case(3, 4);
    rerun.samples[1].metric = "ghost_metric";  // the orphan row's pair
    rerun.samples[2].metric = "new_metric";
    {
        ResultsWriter w = ResultsWriter::resume(file, test::fixture_meta().job_hash, nullptr);
        w.commit_case(rerun);
    }
    EXPECT_EQ(rows_of(file, schema::metrics_table()), 4u);  // only new_metric was added
    const Results after = read_results(file, nullptr);
    ASSERT_EQ(after.cases.size(), 4u);
    test::expect_same(rerun, after.cases[3]);
    test::expect_same(test::fixture_case(2, 4), after.cases[2]);
}

TEST(Resume, IgnoresAndDropsACaseRowWhoseSamplesAreMissing) {
    test::TempDir dir;
    const auto file = dir / "r.h5";
    write_cases(file, 2);
    {
        const h5::PropList fapl = writer_access(file);
        const h5::File f(H5Fopen(file.c_str(), H5F_ACC_RDWR, fapl.get()));
        Tables t = open_tables(f.get(), file.string(), false);
        CaseRecord torn = test::fixture_case(2, 4);
        const schema::CaseRow row = to_row(torn, next_case_starts(t));  // rows never written
        t.cases.append(&row, 1);
    }
    EXPECT_EQ(read_results(file, nullptr).cases.size(), 2u);
    std::string note;
    { ResultsWriter::resume(file, test::fixture_meta().job_hash, &note); }
    EXPECT_NE(note.find("dropped 1 half-written rows"), std::string::npos) << note;
    EXPECT_EQ(rows_of(file, schema::cases_table()), 2u);
}

// A case row is a commit only when every table it points into holds its rows: here all but
// the components were written.
TEST(Resume, IgnoresAndDropsACaseRowWhoseComponentsAreMissing) {
    test::TempDir dir;
    const auto file = dir / "r.h5";
    write_cases(file, 2);
    const CaseRecord torn = test::fixture_case(2, 4);
    ASSERT_EQ(torn.components.size(), 4u);
    {
        const h5::PropList fapl = writer_access(file);
        const h5::File f(H5Fopen(file.c_str(), H5F_ACC_RDWR, fapl.get()));
        Tables t = open_tables(f.get(), file.string(), false);
        const schema::CaseRow row = to_row(torn, next_case_starts(t));
        CaseRecord without_components = torn;
        without_components.components.clear();
        append_rows_of_case(t, torn.case_id, without_components);
        t.cases.append(&row, 1);
    }
    const Results before = read_results(file, nullptr);
    ASSERT_EQ(before.cases.size(), 2u);
    test::expect_same(test::fixture_case(1, 4), before.cases[1]);
    std::string note;
    {
        ResultsWriter w = ResultsWriter::resume(file, test::fixture_meta().job_hash, &note);
        EXPECT_EQ(w.committed_case_ids().count(torn.case_id), 0u);
        w.commit_case(torn);
    }
    // 2 axes, 3 samples (case 2 failed), 2 environment entries.
    EXPECT_NE(note.find("dropped 7 orphan rows"), std::string::npos) << note;
    EXPECT_NE(note.find("dropped 1 half-written rows"), std::string::npos) << note;
    const Results after = read_results(file, nullptr);
    ASSERT_EQ(after.cases.size(), 3u);
    test::expect_same(torn, after.cases[2]);
    EXPECT_EQ(rows_of(file, schema::case_environment_table()),
              count_rows(after.cases, [](auto& c) { return c.environment.size(); }));
}

TEST(Resume, RefusesAFileThatALiveWriterHolds) {
    test::TempDir dir;
    const auto file = dir / "r.h5";
    ResultsWriter live = ResultsWriter::create(file, test::fixture_meta());
    try {
        ResultsWriter::resume(file, test::fixture_meta().job_hash, nullptr);
        FAIL() << "two writers on one file";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("another perfmatrix process is writing"), std::string::npos) << e.what();
    }
    live.commit_case(test::fixture_case(0, 2));  // the live writer is unharmed
}

}  // namespace
}  // namespace perfmatrix
