// tests/support/check_results.py must catch what it claims to: rows of case_environment and
// components that do not line up with the cases table. Files are damaged with HDF5 itself.

#include "results/metric_index.hpp"
#include "results/recovery.hpp"
#include "results/results_writer.hpp"
#include "results/rows.hpp"
#include "results/tables.hpp"
#include "tests/results/child_process.hpp"
#include "tests/results/fixture_cases.hpp"
#include "tests/results/temp_dir.hpp"

#include <gtest/gtest.h>

#include <functional>

namespace perfmatrix {
namespace {

int check_results(const std::filesystem::path& file) {
    return test::run_quietly({PERFMATRIX_TEST_PYTHON, CHECK_RESULTS_SCRIPT, file.string()});
}

// Fixture cases 1..3: 1, 2 and 3 components of two samples each, 1-2 environment entries.
std::filesystem::path write_three_cases(const test::TempDir& dir) {
    const auto file = dir / "r.h5";
    ResultsWriter w = ResultsWriter::create(file, test::fixture_meta());
    w.begin_invocation(test::fixture_invocation());
    for (int i = 1; i <= 3; ++i) w.commit_case(test::fixture_case(i, 2));
    w.finish_invocation("completed", 1.8e9);
    return file;
}

void change_tables(const std::filesystem::path& file, const std::function<void(Tables&)>& change) {
    const h5::PropList fapl = writer_access(file);
    const h5::File f(H5Fopen(file.c_str(), H5F_ACC_RDWR, fapl.get()));
    ASSERT_TRUE(f);
    Tables t = open_tables(f.get(), file.string(), false);
    change(t);
}

TEST(CheckResultsPy, ReportsComponentRowsOfAnotherCase) {
    test::TempDir dir;
    const auto file = write_three_cases(dir);
    ASSERT_EQ(check_results(file), 0);
    change_tables(file, [](Tables& t) {
        ASSERT_EQ(t.components.rows(), 12u);
        // Row 0 is case 1's, row 2 case 2's: swapping them breaks both cases' ranges.
        auto first = t.components.read_row<schema::ComponentRow>(0);
        auto third = t.components.read_row<schema::ComponentRow>(2);
        t.components.overwrite(0, &third);
        t.components.overwrite(2, &first);
    });
    EXPECT_EQ(check_results(file), 1);
}

TEST(CheckResultsPy, ReportsAnEnvironmentRangeThatIsNotContiguous) {
    test::TempDir dir;
    const auto file = write_three_cases(dir);
    change_tables(file, [](Tables& t) {
        auto last = t.cases.read_row<schema::CaseRow>(2);
        ASSERT_GT(last.env_first, 0);
        last.env_first -= 1;  // overlaps the previous case's rows
        t.cases.overwrite(2, &last);
    });
    EXPECT_EQ(check_results(file), 1);
}

// A component row of case row `case_row`, appended as the writer would before that case's row.
void append_component(Tables& t, std::int32_t case_row, const ComponentSample& sample) {
    MetricIndex metrics = MetricIndex::from_table(t.metrics);
    const auto row = to_row(case_row, metrics.row_of(MetricSpec{sample.metric, sample.unit}), sample);
    const auto new_metrics = metrics.take_new_rows();
    t.metrics.append(new_metrics.data(), new_metrics.size());
    t.components.append(&row, 1);
}

TEST(CheckResultsPy, AcceptsOrphanComponentRowsUnlessTheyNameACommittedCase) {
    test::TempDir dir;
    const auto file = dir / "r.h5";
    write_three_cases(dir);
    const ComponentSample sample{"json", "import_cumulative", "s", 0, false, 1e-4};
    change_tables(file, [&](Tables& t) {
        // What a writer killed before the case row leaves: rows of the next case row, and
        // the metric row of a pair no committed case uses.
        append_component(t, static_cast<std::int32_t>(t.cases.rows()), sample);
    });
    EXPECT_EQ(check_results(file), 0);
    change_tables(file, [&](Tables& t) { append_component(t, 0, sample); });
    EXPECT_EQ(check_results(file), 1);
}

TEST(CheckResultsPy, ReportsASampleNamingAMetricRowThatIsNotThere) {
    test::TempDir dir;
    const auto file = write_three_cases(dir);
    change_tables(file, [](Tables& t) {
        auto row = t.samples.read_row<schema::SampleRow>(1);
        row.metric = static_cast<std::int32_t>(t.metrics.rows());
        t.samples.overwrite(1, &row);
    });
    EXPECT_EQ(check_results(file), 1);
}

}  // namespace
}  // namespace perfmatrix
