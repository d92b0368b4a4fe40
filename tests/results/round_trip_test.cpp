// Write -> read with the real writer and reader on real files.

#include "results/results_reader.hpp"
#include "results/results_writer.hpp"
#include "results/schema.hpp"
#include "tests/results/expect_records.hpp"
#include "tests/results/fixture_cases.hpp"
#include "tests/results/temp_dir.hpp"

#include <gtest/gtest.h>
#include <hdf5.h>

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

namespace perfmatrix {
namespace {

namespace width = schema::width;

// A value exactly `n` bytes long that is not all one character, so a shifted or cut copy
// would not compare equal.
std::string exactly(std::size_t n, const std::string& tag) {
    std::string s = tag;
    while (s.size() < n) s += static_cast<char>('a' + s.size() % 26);
    return s.substr(0, n);
}

RunMeta big_meta() {
    RunMeta m = test::fixture_meta();
    // Root attributes are not limited by the column widths: a long job file stays whole.
    m.job_text.clear();
    for (int i = 0; i < 4000; ++i) m.job_text += "# job line " + std::to_string(i) + " — ünïcödé\n";
    m.job_path = exactly(2000, "/very/long/path/");
    m.settings_override = R"({"repetitions":4,"sample_time":0.002})";
    m.selection = R"({"k":["python=3.12","nbody|richards"],"category":["memory"]})";
    return m;
}

InvocationRecord full_width_invocation() {
    InvocationRecord r;
    r.started = 1700000000.25;
    r.command_line = exactly(width::command_line, "perfmatrix run ");
    r.tool_version = exactly(width::tool_version, "v");
    r.git_describe = exactly(width::git_describe, "g");
    r.host = exactly(width::host, "host");
    r.mpi_size = 7;
    return r;
}

RankRecord full_width_rank() {
    RankRecord r;
    r.rank = 3;
    r.node = 1;
    r.info.host = exactly(width::host, "h");
    r.info.cpu_model = exactly(width::cpu_model, "cpu");
    r.info.cores = 64;
    r.info.cpuset = exactly(width::cpuset, "0-");
    r.info.cpuset_size = 32;
    r.info.kernel = exactly(width::kernel, "Linux ");
    r.info.load1 = 1.5;
    r.info.load5 = 2.5;
    r.info.load15 = 3.5;
    r.info.gpus = 4;
    r.info.gpu_source = exactly(width::gpu_source, "dev");
    r.info.environment = {{exactly(width::env_key, "K"), exactly(width::env_value, "V")}, {"EMPTY", ""}};
    return r;
}

CaseRecord full_width_case() {
    CaseRecord c;
    c.case_id = exactly(width::case_id, "id/");
    c.benchmark = exactly(width::benchmark, "bench");
    c.kind = exactly(width::kind, "kind");
    c.status = exactly(width::status, "status");
    c.reason = exactly(width::reason, "reason");
    c.rank = 5;
    c.host = exactly(width::host, "host");
    c.started = 1700000001.125;
    c.ended = 1700000002.875;
    c.axes = {{exactly(width::axis, "axis"), exactly(width::axis_value, "value")}, {"empty", ""}};
    c.samples = {{exactly(width::metric, "m"), exactly(width::unit, "u"), 0, true, -1.5},
                 {"wall_time", "s", 0, false, 1e-300},
                 {"wall_time", "s", 1, false, 1e300}};
    // Out of key order, with an empty value and a repeated key: stored as given.
    c.environment = {{exactly(width::env_key, "k"), exactly(width::env_value, "v")},
                     {"python.version", "3.12.1 (main, Jan  1 2024) [GCC 12.2.0]"},
                     {"EMPTY", ""},
                     {"python.version", "again"}};
    c.components = {{exactly(width::component, "pkg."), exactly(width::metric, "m"), exactly(width::unit, "u"), 0, true,
                     -2.5},
                    {"json.decoder", "import_self", "s", 0, false, 1.25e-4},
                    {"json", "import_cumulative", "s", 3, false, 0.0}};
    return c;
}

CaseRecord unschedulable_case() {
    CaseRecord c;
    c.case_id = "needs-gpu";
    c.benchmark = "b";
    c.kind = "spawn";
    c.status = "unschedulable";
    c.reason = "no rank has capability gpu";
    c.rank = -1;
    return c;  // no axes, no samples
}

TEST(RoundTrip, EveryFieldAtFullWidthComesBackUnchanged) {
    test::TempDir dir;
    const auto file = dir / "r.h5";
    const RunMeta meta = big_meta();
    InvocationRecord inv = full_width_invocation();
    RankRecord rank = full_width_rank();
    CaseRecord full = full_width_case();
    const CaseRecord empty = unschedulable_case();
    {
        ResultsWriter w = ResultsWriter::create(file, meta);
        EXPECT_EQ(w.begin_invocation(inv), 0);
        w.add_rank(rank);
        w.commit_case(full);
        w.commit_case(empty);
        w.finish_invocation("completed", 1700000003.5);
    }
    std::string note = "unset";
    const Results r = read_results(file, &note);
    EXPECT_EQ(note, "");
    EXPECT_EQ(r.schema_version, 5);
    EXPECT_EQ(r.meta.job_text, meta.job_text);
    EXPECT_EQ(r.meta.job_path, meta.job_path);
    EXPECT_EQ(r.meta.job_hash, meta.job_hash);
    EXPECT_EQ(r.meta.tool_version, meta.tool_version);
    EXPECT_EQ(r.meta.planned_cases, meta.planned_cases);
    EXPECT_EQ(r.meta.settings_override, meta.settings_override);
    EXPECT_EQ(r.meta.selection, meta.selection);
    inv.status = "completed";
    inv.ended = 1700000003.5;
    ASSERT_EQ(r.invocations.size(), 1u);
    test::expect_same(inv, r.invocations[0]);
    ASSERT_EQ(r.ranks.size(), 1u);
    test::expect_same(rank, r.ranks[0]);
    ASSERT_EQ(r.cases.size(), 2u);
    test::expect_same(full, r.cases[0]);
    test::expect_same(empty, r.cases[1]);
}

TEST(RoundTrip, TheFileDescribesItsMetricsAndCategories) {
    test::TempDir dir;
    const auto file = dir / "r.h5";
    // A kind this build does not know: only the record can say how its metrics read.
    CaseRecord toy = test::fixture_case(1, 2);
    toy.kind = "toy_kind";
    toy.samples = {{"speed", "items/s", 0, false, 5.0}, {"time", "s", 0, false, 0.2}};
    toy.metrics = {{"speed", "items/s", Better::higher, 1}};
    toy.category = "compute";
    // A known kind: the writer takes the kind's declaration (time is python_workload's headline
    // but not blas_gemm's, so the same name and unit get two rows of `metrics`).
    CaseRecord gemm = test::fixture_case(2, 2);
    gemm.kind = "blas_gemm";
    gemm.samples = {{"gflops", "GFLOP/s", 0, false, 9.0}, {"time", "s", 0, false, 0.1}};
    CaseRecord py = test::fixture_case(3, 2);
    py.kind = "python_workload";
    py.samples = {{"time", "s", 0, false, 0.3}};
    py.environment = {{"category", "async"}};  // as the Python runner states a workload's
    {
        ResultsWriter w = ResultsWriter::create(file, test::fixture_meta());
        w.begin_invocation(test::fixture_invocation());
        for (const CaseRecord* c : {&toy, &gemm, &py}) w.commit_case(*c);
    }
    const Results r = read_results(file, nullptr);
    ASSERT_EQ(r.cases.size(), 3u);
    const auto spec = [&](std::size_t i, const char* metric) {
        for (const MetricSpec& m : r.cases[i].metrics)
            if (m.name == metric) return m;
        ADD_FAILURE() << "case " << i << " has no description of " << metric;
        return MetricSpec{};
    };
    EXPECT_EQ(spec(0, "speed"), (MetricSpec{"speed", "items/s", Better::higher, 1}));
    EXPECT_EQ(spec(0, "time"), (MetricSpec{"time", "s", Better::lower, 0}));  // undeclared
    EXPECT_EQ(spec(1, "gflops"), (MetricSpec{"gflops", "GFLOP/s", Better::higher, 1}));
    EXPECT_EQ(spec(1, "time").headline, 0);
    EXPECT_EQ(spec(2, "time").headline, 1);
    EXPECT_EQ(r.cases[0].category, "compute");
    EXPECT_EQ(r.cases[1].category, "compute");
    EXPECT_EQ(r.cases[2].category, "async");
}

TEST(RoundTrip, TooLongValuesAreShortenedKeepingTheTellingEnd) {
    test::TempDir dir;
    const auto file = dir / "r.h5";
    CaseRecord c = test::fixture_case(0, 2);
    c.reason = std::string(3000, 'x') + " Segmentation fault (core dumped)";
    c.benchmark = "head-survives/" + std::string(500, 'b');
    c.environment = {{"packages", "numpy==1.26.4 " + std::string(2000, 'p')}};
    c.components = {{"deep." + std::string(400, 'm'), "import_self", "s", 0, false, 1.0}};
    InvocationRecord inv = test::fixture_invocation();
    inv.command_line = "perfmatrix run " + std::string(9000, 'c');
    {
        ResultsWriter w = ResultsWriter::create(file, test::fixture_meta());
        w.begin_invocation(inv);
        w.commit_case(c);
    }
    const Results r = read_results(file, nullptr);
    ASSERT_EQ(r.cases.size(), 1u);
    const std::string& reason = r.cases[0].reason;
    EXPECT_EQ(reason.size(), width::reason);
    EXPECT_EQ(reason.substr(0, 3), "...");
    EXPECT_TRUE(reason.ends_with(" Segmentation fault (core dumped)")) << reason;
    const std::string& bench = r.cases[0].benchmark;
    EXPECT_EQ(bench.size(), width::benchmark);
    EXPECT_TRUE(bench.starts_with("head-survives/"));
    EXPECT_TRUE(bench.ends_with("...")) << bench;
    ASSERT_EQ(r.cases[0].environment.size(), 1u);
    const std::string& packages = r.cases[0].environment[0].second;
    EXPECT_EQ(packages.size(), width::env_value);
    EXPECT_TRUE(packages.starts_with("numpy==1.26.4 ppp") && packages.ends_with("...")) << packages;
    ASSERT_EQ(r.cases[0].components.size(), 1u);
    const std::string& module = r.cases[0].components[0].component;
    EXPECT_EQ(module.size(), width::component);
    EXPECT_TRUE(module.starts_with("deep.mmm") && module.ends_with("...")) << module;
    ASSERT_EQ(r.invocations.size(), 1u);
    EXPECT_EQ(r.invocations[0].command_line.size(), width::command_line);
    EXPECT_TRUE(r.invocations[0].command_line.starts_with("perfmatrix run ccc"));
    // The writer went away without finish_invocation: that run is recorded as failed.
    EXPECT_EQ(r.invocations[0].status, "failed");
    EXPECT_GT(r.invocations[0].ended, 0);
}

TEST(RoundTrip, CreateRefusesAnExistingFile) {
    test::TempDir dir;
    const auto file = dir / "r.h5";
    { ResultsWriter::create(file, test::fixture_meta()); }
    const auto size = std::filesystem::file_size(file);
    try {
        ResultsWriter::create(file, test::fixture_meta());
        FAIL() << "create overwrote an existing file";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find(file.string()), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("already exists"), std::string::npos) << e.what();
    }
    EXPECT_EQ(std::filesystem::file_size(file), size);
}

TEST(RoundTrip, CommitRefusesIdsThatAreNotUniqueKeys) {
    test::TempDir dir;
    ResultsWriter w = ResultsWriter::create(dir / "r.h5", test::fixture_meta());
    CaseRecord c = test::fixture_case(1, 3);
    w.commit_case(c);
    EXPECT_THROW(w.commit_case(c), std::invalid_argument);  // duplicate
    c.case_id = std::string(width::case_id + 1, 'i');
    EXPECT_THROW(w.commit_case(c), std::invalid_argument);  // would have to be cut
    c.case_id = "";
    EXPECT_THROW(w.commit_case(c), std::invalid_argument);
    EXPECT_EQ(w.committed_case_ids(), std::set<std::string>{test::fixture_case_id(1)});
}

// Groups of 1, 3, 8 and 13 cases: within one chunk of `cases` (8 rows), ending on its end, and
// crossing one or two; the full-width and the empty case among them.
TEST(RoundTrip, CasesCommittedInGroupsReadBackAsCommittedOneByOne) {
    test::TempDir dir;
    std::vector<CaseRecord> cases{full_width_case(), unschedulable_case()};
    for (int i = 0; i < 23; ++i) cases.push_back(test::fixture_case(i, 1 + i % 5));
    const auto write = [&](const std::filesystem::path& file, const std::vector<std::size_t>& groups) {
        ResultsWriter w = ResultsWriter::create(file, test::fixture_meta());
        w.begin_invocation(full_width_invocation());
        std::size_t at = 0;
        for (const std::size_t n : groups) {
            w.commit_cases(std::span<const CaseRecord>(cases).subspan(at, n));
            at += n;
        }
        ASSERT_EQ(at, cases.size());
        w.finish_invocation("completed", 1700000003.5);
    };
    write(dir / "one_by_one.h5", std::vector<std::size_t>(cases.size(), 1));
    write(dir / "grouped.h5", {1, 3, 8, 13});
    std::string note;
    const Results single = read_results(dir / "one_by_one.h5", &note);
    const Results grouped = read_results(dir / "grouped.h5", &note);
    EXPECT_EQ(note, "");
    ASSERT_EQ(single.cases.size(), cases.size());
    ASSERT_EQ(grouped.cases.size(), cases.size());
    for (std::size_t i = 0; i < cases.size(); ++i) {
        test::expect_same(cases[i], grouped.cases[i]);
        test::expect_same(single.cases[i], grouped.cases[i]);
    }
}

// Checked before anything is written: the writer stays usable and the file unchanged.
TEST(RoundTrip, AGroupWithABadCaseIsRefusedWhole) {
    test::TempDir dir;
    const auto file = dir / "r.h5";
    {
        ResultsWriter w = ResultsWriter::create(file, test::fixture_meta());
        w.commit_case(test::fixture_case(0, 2));
        const std::vector<CaseRecord> twice{test::fixture_case(1, 2), test::fixture_case(1, 2)};
        EXPECT_THROW(w.commit_cases(twice), std::invalid_argument);
        const std::vector<CaseRecord> stored_already{test::fixture_case(2, 2), test::fixture_case(0, 2)};
        EXPECT_THROW(w.commit_cases(stored_already), std::invalid_argument);
        EXPECT_EQ(w.committed_case_ids(), std::set<std::string>{test::fixture_case_id(0)});
        const std::vector<CaseRecord> good{test::fixture_case(1, 2), test::fixture_case(2, 2)};
        w.commit_cases(good);
    }
    std::string note;
    const Results r = read_results(file, &note);
    ASSERT_EQ(r.cases.size(), 3u);
    for (int i = 0; i < 3; ++i) EXPECT_EQ(r.cases[static_cast<std::size_t>(i)].case_id, test::fixture_case_id(i));
}

TEST(RoundTrip, InvocationStatusMustBeAFinalOne) {
    test::TempDir dir;
    ResultsWriter w = ResultsWriter::create(dir / "r.h5", test::fixture_meta());
    EXPECT_THROW(w.finish_invocation("completed", 1), std::logic_error);  // none open
    w.begin_invocation(test::fixture_invocation());
    EXPECT_THROW(w.begin_invocation(test::fixture_invocation()), std::logic_error);
    EXPECT_THROW(w.finish_invocation("running", 1), std::invalid_argument);
    EXPECT_THROW(w.finish_invocation("killed", 1), std::invalid_argument);
    w.finish_invocation("interrupted", 2);
}

TEST(RoundTrip, ReadingSomethingElseNamesTheFile) {
    test::TempDir dir;
    const auto missing = dir / "missing.h5";
    try {
        read_results(missing, nullptr);
        FAIL() << "read a missing file";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find(missing.string()), std::string::npos) << e.what();
    }
    const auto text = dir / "text.h5";
    std::FILE* f = std::fopen(text.c_str(), "w");
    std::fputs("not hdf5\n", f);
    std::fclose(f);
    try {
        read_results(text, nullptr);
        FAIL() << "read a text file";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("not an HDF5 file"), std::string::npos) << e.what();
    }
}

// An HDF5 file that is not ours, optionally claiming a schema version.
void write_foreign_file(const std::filesystem::path& file, int schema_version) {
    const hid_t f = H5Fcreate(file.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
    ASSERT_GE(f, 0);
    if (schema_version > 0) {
        const hid_t space = H5Screate(H5S_SCALAR);
        const hid_t attr = H5Acreate2(f, "schema_version", H5T_STD_I32LE, space, H5P_DEFAULT, H5P_DEFAULT);
        H5Awrite(attr, H5T_NATIVE_INT, &schema_version);
        H5Aclose(attr);
        H5Sclose(space);
    }
    H5Fclose(f);
}

TEST(RoundTrip, ReadingAnotherHdf5FileSaysWhatIsWrong) {
    test::TempDir dir;
    const auto foreign = dir / "foreign.h5";
    write_foreign_file(foreign, 0);
    try {
        read_results(foreign, nullptr);
        FAIL() << "read a foreign file";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("not a perfmatrix results file"), std::string::npos) << e.what();
    }
    const auto future = dir / "future.h5";
    write_foreign_file(future, 6);
    try {
        read_results(future, nullptr);
        FAIL() << "read a file of a newer schema";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find(
                      "schema version 6, written by a newer perfmatrix; this one reads version 5"),
                  std::string::npos)
            << e.what();
    }
}

// What perfmatrix wrote in schema 3 (a row of cases per case), before it (no metrics table) or before schema 2 (neither
// case_environment nor components either), as far as the version check can tell: made from
// a file of ours by taking those tables away and setting schema_version.
void make_old_version(const std::filesystem::path& file, std::int32_t version) {
    {
        ResultsWriter w = ResultsWriter::create(file, test::fixture_meta());
        w.begin_invocation(test::fixture_invocation());
        w.commit_case(test::fixture_case(0, 3));
        w.finish_invocation("completed", 1.8e9);
    }
    const hid_t f = H5Fopen(file.c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
    ASSERT_GE(f, 0);
    const hid_t attr = H5Aopen(f, "schema_version", H5P_DEFAULT);
    EXPECT_GE(H5Awrite(attr, H5T_NATIVE_INT32, &version), 0);
    H5Aclose(attr);
    if (version < 3) {
        EXPECT_GE(H5Ldelete(f, "metrics", H5P_DEFAULT), 0);
    }
    if (version < 2) {
        EXPECT_GE(H5Ldelete(f, "case_environment", H5P_DEFAULT), 0);
        EXPECT_GE(H5Ldelete(f, "components", H5P_DEFAULT), 0);
    }
    H5Fclose(f);
}

void expect_refused_by_reader_and_resume(const std::filesystem::path& file, const std::string& want) {
    try {
        read_results(file, nullptr);
        FAIL() << "read " << file;
    } catch (const std::runtime_error& e) {
        EXPECT_EQ(std::string(e.what()), want);
    }
    try {
        ResultsWriter::resume(file, test::fixture_meta().job_hash, nullptr);
        FAIL() << "resumed " << file;
    } catch (const std::runtime_error& e) {
        EXPECT_EQ(std::string(e.what()), want);
    }
}

TEST(RoundTrip, OlderVersionsAreRefusedNamingBothVersionsAndWhatToDo) {
    for (const int version : {1, 2, 3, 4}) {
        test::TempDir dir;
        const auto file = dir / ("v" + std::to_string(version) + ".h5");
        make_old_version(file, version);
        expect_refused_by_reader_and_resume(file, file.string() + ": schema version " + std::to_string(version) +
                                                      ", written by an older perfmatrix; this one reads version 5 "
                                                      "— rerun the job");
    }
}

}  // namespace
}  // namespace perfmatrix
