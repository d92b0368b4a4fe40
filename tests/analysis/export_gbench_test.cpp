// Google Benchmark export over hand-built results: entries, aggregates, cpu_time and counters.
// (tests/e2e/test_exports.py feeds real exports to Google Benchmark's compare.py.)

#include "analysis/export/export_gbench.hpp"
#include "compare_fixtures.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>

namespace perfmatrix {
namespace {

using testing::make_case;
using testing::results_of;
using Json = nlohmann::json;

Json parsed(const ExportOutput& e) { return Json::parse(e.text); }

TEST(ExportGbench, OneIterationEntryPerSampleThenAggregates) {
    std::vector<Sample> s{{"time", "ms", 0, true, 50}};  // a warm-up: not in the export
    const double ms[] = {1, 2, 3, 4};
    for (int i = 0; i < 4; ++i) {
        s.push_back({"time", "ms", i, false, ms[i]});
        s.push_back({"iterations", "count", i, false, 100.0 * (i + 1)});
        s.push_back({"gflops", "GFLOP/s", i, false, 10.0 * (i + 1)});
    }
    const ExportOutput e = export_gbench(results_of({make_case("dot/a", "dot", "blas_dot", {{"n", "8"}}, s)}), {});
    ASSERT_EQ(e.exported, 1u);
    const Json doc = parsed(e);
    const Json& b = doc["benchmarks"];
    ASSERT_EQ(b.size(), 8u);
    for (int i = 0; i < 4; ++i) {
        EXPECT_EQ(b[i]["name"], "dot/n=8");
        EXPECT_EQ(b[i]["run_name"], "dot/n=8");
        EXPECT_EQ(b[i]["run_type"], "iteration");
        EXPECT_EQ(b[i]["repetitions"], 4);
        EXPECT_EQ(b[i]["repetition_index"], i);
        EXPECT_EQ(b[i]["threads"], 1);
        EXPECT_EQ(b[i]["iterations"], 100 * (i + 1));
        EXPECT_EQ(b[i]["time_unit"], "ns");
        EXPECT_DOUBLE_EQ(b[i]["real_time"].get<double>(), ms[i] * 1e6);
        EXPECT_DOUBLE_EQ(b[i]["cpu_time"].get<double>(), ms[i] * 1e6);  // only wall clock measured
        EXPECT_DOUBLE_EQ(b[i]["gflops"].get<double>(), 10.0 * (i + 1));
    }
    const double stddev = std::sqrt(5.0 / 3.0);  // of 1, 2, 3, 4
    const struct {
        const char* name;
        const char* unit;
        double ms;
    } expected[] = {{"mean", "time", 2.5},
                    {"median", "time", 2.5},
                    {"stddev", "time", stddev},
                    {"cv", "percentage", stddev / 2.5 / 1e6}};
    for (int k = 0; k < 4; ++k) {
        const Json& a = b[4 + k];
        EXPECT_EQ(a["name"], std::string("dot/n=8_") + expected[k].name);
        EXPECT_EQ(a["run_name"], "dot/n=8");
        EXPECT_EQ(a["run_type"], "aggregate");
        EXPECT_EQ(a["aggregate_name"], expected[k].name);
        EXPECT_EQ(a["aggregate_unit"], expected[k].unit);
        EXPECT_NEAR(a["real_time"].get<double>(), expected[k].ms * 1e6, 1e-9 * expected[k].ms * 1e6);
    }
    EXPECT_DOUBLE_EQ(b[4]["gflops"].get<double>(), 25.0);
}

TEST(ExportGbench, SpawnCpuTimeIsUserPlusSystemTime) {
    const Results r = results_of({make_case("s/a", "s", "spawn", {},
                                            {{"wall_time", "s", 0, false, 0.010},
                                             {"user_time", "s", 0, false, 0.004},
                                             {"sys_time", "ms", 0, false, 2},
                                             {"max_rss", "bytes", 0, false, 8192}})});
    const Json doc = parsed(export_gbench(r, {}));
    const Json& it = doc["benchmarks"][0];
    EXPECT_DOUBLE_EQ(it["real_time"].get<double>(), 1e7);
    EXPECT_DOUBLE_EQ(it["cpu_time"].get<double>(), 6e6);
    EXPECT_EQ(it["max_rss"], 8192);
    EXPECT_FALSE(it.contains("user_time"));  // durations are not counters
}

TEST(ExportGbench, OnlyDurationsCanBeTheTime) {
    const Results r = results_of({make_case("s/a", "s", "spawn", {}, {{"max_rss", "bytes", 0, false, 8192}})});
    const ExportOutput e = export_gbench(r, {.metric = "max_rss"});
    EXPECT_EQ(e.exported, 0u);
    ASSERT_EQ(e.left_out.size(), 1u);
    EXPECT_EQ(e.left_out[0], "s: 'max_rss' is in 'bytes'; the format takes a duration (s, ms, us, ns)");
}

TEST(ExportGbench, ContextDescribesTheFirstRanksHost) {
    Results r = results_of({make_case("s/a", "s", "spawn", {}, {{"wall_time", "s", 0, false, 0.5}})});
    RankRecord rank;
    rank.info.host = "node7";
    rank.info.cores = 2;
    rank.info.cpu_model = "Zen 4";
    r.ranks.push_back(rank);
    const Json c = parsed(export_gbench(r, {}))["context"];
    EXPECT_EQ(c["host_name"], "node7");
    EXPECT_EQ(c["num_cpus"], 2);
    EXPECT_EQ(c["cpu_model"], "Zen 4");
    EXPECT_EQ(c["executable"], "perfmatrix");
}

}  // namespace
}  // namespace perfmatrix
