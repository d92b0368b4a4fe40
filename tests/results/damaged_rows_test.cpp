// The reader refuses rows that the commit rule cannot account for (it checks only the ends of
// a case's ranges): a sample or component row in the middle of a case's range that names
// another case, or a metric that `metrics` does not hold. Files are damaged with HDF5 itself.

#include "results/recovery.hpp"
#include "results/results_reader.hpp"
#include "results/results_writer.hpp"
#include "results/tables.hpp"
#include "tests/results/fixture_cases.hpp"
#include "tests/results/temp_dir.hpp"

#include <gtest/gtest.h>

#include <functional>

namespace perfmatrix {
namespace {

// Fixture cases 0 and 1: 5 samples each (rows 0-4 and 5-9); case 1 has one component of two
// samples (components rows 0-1).
std::filesystem::path write_two_cases(const test::TempDir& dir) {
    const auto file = dir / "r.h5";
    ResultsWriter w = ResultsWriter::create(file, test::fixture_meta());
    w.begin_invocation(test::fixture_invocation());
    for (int i = 0; i < 2; ++i) w.commit_case(test::fixture_case(i, 4));
    w.finish_invocation("completed", 1.8e9);
    return file;
}

template <class Row>
void change_row(const std::filesystem::path& file, Table Tables::*table, hsize_t index,
                const std::function<void(Row&)>& change) {
    const h5::PropList fapl = writer_access(file);
    const h5::File f(H5Fopen(file.c_str(), H5F_ACC_RDWR, fapl.get()));
    ASSERT_TRUE(f);
    Tables t = open_tables(f.get(), file.string(), false);
    auto row = (t.*table).read_row<Row>(index);
    change(row);
    (t.*table).overwrite(index, &row);
}

std::string read_error(const std::filesystem::path& file) {
    try {
        read_results(file, nullptr);
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    return "(read without error)";
}

// The same file read by case (as `report` and `compare` read it): the damage is found when the
// case's samples are loaded, with the same message.
std::string load_error(const std::filesystem::path& file) {
    try {
        const ResultsByCase r = read_results_by_case(file, nullptr);
        for (const CaseRecord& c : r.results.cases) r.samples->load(c);
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    return "(read without error)";
}

TEST(DamagedRows, ASampleNamingAnotherCaseIsReported) {
    test::TempDir dir;
    const auto file = write_two_cases(dir);
    ASSERT_EQ(read_results(file, nullptr).cases.size(), 2u);
    change_row<schema::SampleRow>(file, &Tables::samples, 7, [](schema::SampleRow& r) {
        ASSERT_EQ(r.case_row, 1);
        r.case_row = 0;
    });
    EXPECT_EQ(read_error(file), file.string() +
                                    ": damaged: samples row 7 belongs to case row 0 of cases, not to "
                                    "'fixture/n=1' (row 1 of cases) whose rows it should be");
    EXPECT_EQ(load_error(file), read_error(file));
}

// Found by the fuzzer under ASan: a count far beyond the table was reserved before any row
// was read, and the reader ran out of memory instead of reporting the damage.
TEST(DamagedRows, ACaseClaimingMoreRowsThanTheTableHoldsIsReported) {
    test::TempDir dir;
    const auto file = write_two_cases(dir);
    change_row<schema::CaseRow>(file, &Tables::cases, 0, [](schema::CaseRow& r) { r.samples_count = 2147483647; });
    EXPECT_EQ(read_error(file), file.string() +
                                    ": damaged: case 'fixture/n=0' (row 0 of cases) claims 2147483647 rows of "
                                    "samples, and 10 are left");
    EXPECT_EQ(load_error(file), read_error(file)) << "found when the file is opened, before any sample is read";
}

TEST(DamagedRows, ASampleNamingAMetricThatIsNotThereIsReported) {
    test::TempDir dir;
    const auto file = write_two_cases(dir);
    change_row<schema::SampleRow>(file, &Tables::samples, 2, [](schema::SampleRow& r) { r.metric = 7; });
    EXPECT_EQ(read_error(file), file.string() + ": damaged: samples row 2 names metric 7, but metrics has 2 rows");
    EXPECT_EQ(load_error(file), read_error(file));
}

TEST(DamagedRows, AComponentNamingANegativeMetricIsReported) {
    test::TempDir dir;
    const auto file = write_two_cases(dir);
    change_row<schema::ComponentRow>(file, &Tables::components, 1, [](schema::ComponentRow& r) { r.metric = -1; });
    EXPECT_EQ(read_error(file), file.string() + ": damaged: components row 1 names metric -1, but metrics has 2 rows");
}

// A warmup byte that was neither 0 nor 1 used to read as true.
TEST(DamagedRows, AWarmupFlagThatIsNeitherFalseNorTrueIsReported) {
    test::TempDir dir;
    const auto file = write_two_cases(dir);
    change_row<schema::SampleRow>(file, &Tables::samples, 3, [](schema::SampleRow& r) { r.warmup = 7; });
    const std::string error = read_error(file);
    EXPECT_NE(error.find("table 'samples': warmup holds"), std::string::npos) << error;
    EXPECT_NE(error.find("expected 0 or 1"), std::string::npos) << error;
    EXPECT_EQ(load_error(file), error);
}

}  // namespace
}  // namespace perfmatrix
