// A real crash: a writer process (results_test_writer) is SIGKILLed at a random moment of its
// commit loop; the file must then recover, keep every case the writer had reported committed,
// open in h5dump and h5py, and take a --resume that stores each remaining case exactly once.
// Also with cases committed in groups (commit_cases): what survives is a prefix, whole cases.

#include "results/results_reader.hpp"
#include "tests/results/child_process.hpp"
#include "tests/results/expect_records.hpp"
#include "tests/results/fixture_cases.hpp"
#include "tests/results/temp_dir.hpp"

#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <fstream>
#include <random>
#include <set>
#include <thread>

namespace perfmatrix {
namespace {

constexpr int samples_per_case = 100;
constexpr int cases_never_reached = 10'000'000;  // the loop must still be running when killed

std::vector<std::string> lines_of(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

// Waits until the writer has reported its first commit, so that the kill lands in the commit
// loop rather than during start-up. The 30 s limit only guards against a hung writer.
void wait_for_first_commit(const std::filesystem::path& log) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (lines_of(log).empty()) {
        ASSERT_LT(std::chrono::steady_clock::now(), deadline) << "writer never committed a case";
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
}

std::vector<std::string> writer(const std::filesystem::path& file, int cases, bool resume, int group = 1) {
    std::vector<std::string> argv{
        RESULTS_TEST_WRITER, file.string(),        std::to_string(cases), std::to_string(samples_per_case),
        "--group",           std::to_string(group)};
    if (resume) argv.push_back("--resume");
    return argv;
}

// Every case read back is fixture case i for i = 0, 1, ... in commit order, whole.
void expect_fixture_prefix(const Results& r, int invocation_split) {
    for (std::size_t i = 0; i < r.cases.size(); ++i) {
        CaseRecord want = test::fixture_case(static_cast<int>(i), samples_per_case);
        want.invocation = static_cast<int>(i) < invocation_split ? 0 : 1;
        test::expect_same(want, r.cases[i]);
        if (::testing::Test::HasFailure()) return;  // one broken case says enough
    }
}

// Reading beside the live writer must neither disturb it nor clear its flags.
void read_while_alive(const std::filesystem::path& file, const std::filesystem::path& log) {
    const std::size_t reported = lines_of(log).size();
    std::string note;
    const Results live = read_results(file, &note);
    EXPECT_NE(note.find("is being written by a running perfmatrix"), std::string::npos) << note;
    EXPECT_GE(live.cases.size(), reported);
}

void check_tools_open(const std::filesystem::path& file, bool with_python) {
    EXPECT_EQ(test::run_quietly({H5DUMP, file.string()}), 0) << "h5dump cannot read the recovered file";
    if (with_python) {
        EXPECT_EQ(test::run_quietly({PERFMATRIX_TEST_PYTHON, CHECK_RESULTS_SCRIPT, file.string()}), 0)
            << "check_results.py rejects the recovered file";
    }
}

// group: cases per commit; the kill may land inside a group's commit.
void crash_and_recover(std::mt19937& rng, bool extra_checks, int group = 1) {
    test::TempDir dir;
    const auto file = dir / "r.h5";
    const auto log = dir / "committed.txt";
    {
        test::ChildProcess child(writer(file, cases_never_reached, false, group), log);
        wait_for_first_commit(log);
        if (extra_checks) read_while_alive(file, log);
        std::this_thread::sleep_for(std::chrono::microseconds(std::uniform_int_distribution<int>(0, 30'000)(rng)));
        child.kill(SIGKILL);
        const int status = child.wait();
        ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "writer ended on its own: " << status;
    }
    const std::vector<std::string> reported = lines_of(log);

    std::string note;
    const Results crashed = read_results(file, &note);
    EXPECT_NE(note.find("recovered " + file.string() + ": cleared HDF5 status flags"), std::string::npos) << note;
    // Durable on return: everything reported is there; at most the group in flight is extra
    // (a prefix of it: expect_fixture_prefix).
    ASSERT_GE(crashed.cases.size(), reported.size());
    ASSERT_LE(crashed.cases.size(), reported.size() + static_cast<std::size_t>(group));
    for (std::size_t i = 0; i < reported.size(); ++i) EXPECT_EQ(crashed.cases[i].case_id, reported[i]);
    expect_fixture_prefix(crashed, cases_never_reached);
    ASSERT_EQ(crashed.invocations.size(), 1u);
    EXPECT_EQ(crashed.invocations[0].status, "running");  // readers report, only resume repairs
    // A write cut short in a partly filled last chunk leaves that chunk's checksum wrong: perfmatrix
    // reads its committed rows and says so, h5dump and h5py refuse it until a resume rewrites it
    // (docs/results.md, "Crash semantics"), so then the tools are asked after the resume.
    const bool torn = note.find("failed its checksum") != std::string::npos;
    if (!torn) check_tools_open(file, extra_checks);

    const int total = static_cast<int>(crashed.cases.size()) + 20;
    test::ChildProcess again(writer(file, total, true), dir / "resumed.txt");
    ASSERT_EQ(again.wait(), 0) << "resume failed, see " << (dir / "resumed.txt.stderr");
    const std::vector<std::string> resume_note = lines_of(dir / "resumed.txt.stderr");
    ASSERT_EQ(resume_note.size(), 1u) << "resume should say in one line what it repaired";
    EXPECT_NE(resume_note[0].find("marked invocation 0 killed"), std::string::npos) << resume_note[0];
    const Results resumed = read_results(file, &note);
    EXPECT_EQ(note, "");
    ASSERT_EQ(resumed.cases.size(), static_cast<std::size_t>(total));  // each case exactly once
    expect_fixture_prefix(resumed, static_cast<int>(crashed.cases.size()));
    ASSERT_EQ(resumed.invocations.size(), 2u);
    EXPECT_EQ(resumed.invocations[0].status, "killed");
    EXPECT_EQ(resumed.invocations[1].status, "completed");
    if (extra_checks || torn) check_tools_open(file, torn);
}

TEST(Crash, SigkilledWriterLosesNoCommittedCase) {
    const unsigned seed = std::random_device{}();
    std::mt19937 rng(seed);
    for (int trial = 0; trial < 5; ++trial) {
        SCOPED_TRACE("trial " + std::to_string(trial) + ", seed " + std::to_string(seed));
        crash_and_recover(rng, trial == 0);
        if (::testing::Test::HasFailure()) return;
    }
}

// 13 cases a group: most groups cross a chunk boundary of `cases` (8 rows a chunk).
TEST(Crash, SigkilledGroupWriterKeepsAPrefixOfWholeCases) {
    const unsigned seed = std::random_device{}();
    std::mt19937 rng(seed);
    for (int trial = 0; trial < 5; ++trial) {
        SCOPED_TRACE("trial " + std::to_string(trial) + ", seed " + std::to_string(seed));
        crash_and_recover(rng, false, 13);
        if (::testing::Test::HasFailure()) return;
    }
}

}  // namespace
}  // namespace perfmatrix
