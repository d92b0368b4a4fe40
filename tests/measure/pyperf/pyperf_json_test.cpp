// Reading a pyperf worker's JSON: where metadata lives, and files that are not one run.
#include "measure/python/pyperf_json.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <variant>

namespace perfmatrix::python {
namespace {

std::string problem(const std::string& text) {
    auto r = parse_pyperf_run(text);
    return std::holds_alternative<std::string>(r) ? std::get<std::string>(r) : std::string();
}

std::string entry(const PyperfRun& run, const std::string& key) {
    const auto it = std::find_if(run.metadata.begin(), run.metadata.end(),
                                 [&](const auto& kv) { return kv.first == key; });
    return it == run.metadata.end() ? "<absent>" : it->second;
}

}  // namespace

TEST(PyperfJson, MergesSuiteBenchmarkAndRunMetadataInnermostWinning) {
    const std::string text = R"({"version": "1.0",
        "metadata": {"name": "suite", "loops": 8, "timer": "t", "level": "suite"},
        "benchmarks": [{"metadata": {"level": "bench", "inner_loops": 10},
                        "runs": [{"metadata": {"level": "run", "duration": 0.25},
                                  "warmups": [[4, 0.5], [8, 0.25]], "values": [1.5, 2.5]}]}]})";
    auto parsed = parse_pyperf_run(text);
    ASSERT_TRUE(std::holds_alternative<PyperfRun>(parsed)) << std::get<std::string>(parsed);
    const PyperfRun& run = std::get<PyperfRun>(parsed);
    EXPECT_EQ(run.name, "suite");
    EXPECT_EQ(run.values, (std::vector<double>{1.5, 2.5}));
    EXPECT_EQ(run.warmups, (std::vector<double>{0.5, 0.25}));
    EXPECT_EQ(run.warmup_loops, (std::vector<long long>{4, 8}));
    EXPECT_EQ(run.loops, 8);
    EXPECT_FALSE(run.calibrate_loops);
    EXPECT_EQ(entry(run, "level"), "run");
    EXPECT_EQ(entry(run, "inner_loops"), "10");
    EXPECT_EQ(entry(run, "duration"), "0.25");
    EXPECT_EQ(entry(run, "timer"), "t");
}

TEST(PyperfJson, RefusesWhatIsNotOneRunOfOneBenchmark) {
    EXPECT_EQ(problem("{"), "not JSON");
    EXPECT_EQ(problem(R"({"version": "0.9", "benchmarks": []})"), "format version \"0.9\" (expected \"1.0\")");
    EXPECT_EQ(problem(R"({"version": "1.0"})"), "no 'benchmarks' in the file");
    EXPECT_EQ(problem(R"({"version": "1.0", "benchmarks": []})"), "expected exactly one benchmark, found 0");
    EXPECT_EQ(problem(R"({"version": "1.0", "benchmarks": [{"runs": [{}, {}]}]})"),
              "expected exactly one run, found 2");
    EXPECT_EQ(problem(R"({"version": "1.0", "benchmarks": [{"runs": [{"values": ["x"]}]}]})"),
              "a non-number in values");
    EXPECT_EQ(problem(R"({"version": "1.0", "benchmarks": [{"runs": [{"warmups": [1.0]}]}]})"),
              "a warm-up is not a [loops, value] pair");
    EXPECT_EQ(problem(R"({"version": "1.0", "metadata": {"loops": "many"}, "benchmarks": [{"runs": [{}]}]})"),
              "metadata 'loops' is not an integer: many");
}

}  // namespace perfmatrix::python
