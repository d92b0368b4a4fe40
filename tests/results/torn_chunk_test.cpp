// A writer killed while HDF5 rewrote a partly filled chunk in place leaves that chunk with a
// checksum from another write, though the bytes of its committed rows are intact: the crash
// test met it about once in a few hundred kills, and the whole file was then unreadable. Here
// the torn chunk is made on purpose: a writer that vanishes after its commits, then one byte
// of a chunk's Fletcher-32 checksum changed.

#include "results/h5_handles.hpp"
#include "results/results_reader.hpp"
#include "tests/results/child_process.hpp"
#include "tests/results/expect_records.hpp"
#include "tests/results/fixture_cases.hpp"
#include "tests/results/temp_dir.hpp"

#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdint>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <utility>

namespace perfmatrix {
namespace {

// Samples per case: 3 cases fill part of one 2,048-row chunk of `samples`; 3 cases of 1,000
// fill one chunk and start a second.
constexpr int kFewSamples = 10;
constexpr int kManySamples = 1000;

hsize_t sample_rows(int cases, int samples) {
    hsize_t rows = 0;
    for (int i = 0; i < cases; ++i) rows += test::fixture_case(i, samples).samples.size();
    return rows;
}

// The file offset of the last byte of the chunk of `samples` that holds `row`: the end of its
// checksum. Opened as a SWMR reader, which a file with a writer's status flags still allows.
std::uint64_t checksum_byte(const std::filesystem::path& file, hsize_t row) {
    h5::silence_library_errors();
    const h5::File f(H5Fopen(file.c_str(), H5F_ACC_RDONLY | H5F_ACC_SWMR_READ, H5P_DEFAULT));
    if (!f) throw std::runtime_error("cannot open " + file.string());
    const h5::Dataset samples(H5Dopen2(f.get(), "samples", H5P_DEFAULT));
    const hsize_t offset[1] = {row};
    unsigned filters = 0;
    haddr_t address = 0;
    hsize_t size = 0;
    if (H5Dget_chunk_info_by_coord(samples.get(), offset, &filters, &address, &size) < 0 || size == 0)
        throw std::runtime_error("no chunk holds row " + std::to_string(row));
    return address + size - 1;
}

void flip_byte(const std::filesystem::path& file, std::uint64_t at) {
    std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
    f.seekg(static_cast<std::streamoff>(at));
    char byte = 0;
    f.read(&byte, 1);
    byte = static_cast<char>(byte ^ 0x5a);
    f.seekp(static_cast<std::streamoff>(at));
    f.write(&byte, 1);
    ASSERT_TRUE(f.good()) << "cannot change byte " << at << " of " << file;
}

// The test writer's exit code, and what it said on stderr.
std::pair<int, std::string> run_writer(const std::filesystem::path& file, int cases, int samples, const char* flag) {
    const auto log = file.parent_path() / "writer.txt";
    test::ChildProcess writer({RESULTS_TEST_WRITER, file.string(), std::to_string(cases), std::to_string(samples),
                               flag},
                              log);
    const int status = writer.wait();
    std::ifstream err(log.string() + ".stderr");
    const std::string said((std::istreambuf_iterator<char>(err)), std::istreambuf_iterator<char>());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, said};
}

std::string read_error(const std::filesystem::path& file) {
    try {
        read_results(file, nullptr);
    } catch (const std::exception& e) {
        return e.what();
    }
    return "";
}

TEST(TornChunk, AKilledWritersTornLastChunkIsReadUncheckedAndAResumeRewritesIt) {
    test::TempDir dir;
    const auto file = dir / "r.h5";
    ASSERT_EQ(run_writer(file, 3, kFewSamples, "--vanish"), std::make_pair(0, std::string()));
    flip_byte(file, checksum_byte(file, sample_rows(3, kFewSamples) - 1));

    std::string note;
    const Results crashed = read_results(file, &note);
    EXPECT_NE(note.find("the last chunk of samples failed its checksum"), std::string::npos) << note;
    ASSERT_EQ(crashed.cases.size(), 3u);
    for (int i = 0; i < 3; ++i) test::expect_same(test::fixture_case(i, kFewSamples), crashed.cases[i]);

    const auto [exit_code, said] = run_writer(file, 5, kFewSamples, "--resume");
    ASSERT_EQ(exit_code, 0) << said;
    EXPECT_NE(said.find("marked invocation 0 killed (3 cases intact)"), std::string::npos) << said;
    const Results resumed = read_results(file, &note);
    EXPECT_EQ(note, "");
    EXPECT_EQ(resumed.cases.size(), 5u);
    EXPECT_EQ(test::run_quietly({H5DUMP, file.string()}), 0) << "a chunk still fails its checksum";
}

TEST(TornChunk, InAFileItsWriterClosedAChecksumMismatchIsAnError) {
    test::TempDir dir;
    const auto file = dir / "r.h5";
    ASSERT_EQ(run_writer(file, 3, kFewSamples, "--replace"), std::make_pair(0, std::string()));
    flip_byte(file, checksum_byte(file, sample_rows(3, kFewSamples) - 1));
    const std::string error = read_error(file);
    EXPECT_NE(error.find("Fletcher32"), std::string::npos) << error;
}

TEST(TornChunk, OnlyTheLastChunkAReadTouchesMayBeTorn) {
    test::TempDir dir;
    const auto file = dir / "r.h5";
    ASSERT_EQ(run_writer(file, 3, kManySamples, "--vanish"), std::make_pair(0, std::string()));
    ASSERT_GT(sample_rows(3, kManySamples), 2048u) << "the samples must span two chunks";
    flip_byte(file, checksum_byte(file, 0));
    const std::string error = read_error(file);
    EXPECT_NE(error.find("Fletcher32"), std::string::npos) << error;
}

}  // namespace
}  // namespace perfmatrix
