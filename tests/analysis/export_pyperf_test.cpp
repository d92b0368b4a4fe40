// pyperf export over hand-built results: layout, units, names and what is left out.
// (tests/e2e/test_exports.py feeds real exports to the real pyperf.)

#include "analysis/export/export_pyperf.hpp"
#include "compare_fixtures.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace perfmatrix {
namespace {

using testing::make_case;
using testing::results_of;
using Json = nlohmann::json;

std::vector<Sample> kernel_samples(const std::vector<double>& times) {
    std::vector<Sample> s;
    for (std::size_t i = 0; i < times.size(); ++i) {
        const int rep = static_cast<int>(i);
        s.push_back({"time", "s", rep, false, times[i]});
        s.push_back({"iterations", "count", rep, false, 1000});
        s.push_back({"gflops", "GFLOP/s", rep, false, 2.0 / times[i] / 1e9});
    }
    return s;
}

Json parsed(const ExportOutput& e) { return Json::parse(e.text); }

TEST(ExportPyperf, DurationsGoOutInSecondsWithWarmupsAndOneRunPerCase) {
    CaseRecord c = make_case("start/a", "start", "spawn", {{"python", "3.12"}, {"flag", "-S"}},
                             {{"wall_time", "ms", 0, true, 90},
                              {"wall_time", "ms", 0, false, 30},
                              {"wall_time", "ms", 1, false, 40}});
    c.started = 1700000000;
    c.ended = 1700000002.5;
    c.host = "node1";
    c.environment = {{"python_version", "3.12.1"}, {"empty", "  "}, {"multi", "a\nb"}};
    const ExportOutput e = export_pyperf(results_of({c}), {});
    ASSERT_EQ(e.exported, 1u);
    EXPECT_TRUE(e.left_out.empty());
    const Json doc = parsed(e);
    EXPECT_EQ(doc["version"], "1.0");
    EXPECT_EQ(doc["metadata"]["perfmatrix_version"], "0.1.0");
    const Json& b = doc["benchmarks"][0];
    EXPECT_EQ(b["metadata"]["name"], "start/python=3.12/flag=-S");
    EXPECT_EQ(b["metadata"]["unit"], "second");
    EXPECT_EQ(b["metadata"]["loops"], 1);
    EXPECT_EQ(b["metadata"]["perfmatrix_metric"], "wall_time");
    EXPECT_EQ(b["metadata"]["axis_python"], "3.12");
    ASSERT_EQ(b["runs"].size(), 1u);
    const Json& run = b["runs"][0];
    EXPECT_EQ(run["values"], Json::array({0.030, 0.040}));
    EXPECT_EQ(run["warmups"], Json::parse("[[1, 0.09]]"));
    EXPECT_EQ(run["metadata"]["date"], "2023-11-14T22:13:20Z");
    EXPECT_DOUBLE_EQ(run["metadata"]["duration"].get<double>(), 2.5);
    EXPECT_EQ(run["metadata"]["hostname"], "node1");
    EXPECT_EQ(run["metadata"]["env_python_version"], "3.12.1");
    EXPECT_FALSE(run["metadata"].contains("env_empty"));  // pyperf refuses empty metadata
    EXPECT_EQ(run["metadata"]["env_multi"], "a b");       // ... and line breaks
}

TEST(ExportPyperf, ARateHeadlineFallsBackToTimeAndARequestedRateIsLeftOut) {
    const Results r = results_of(
        {make_case("gemm/a", "gemm", "blas_gemm", {{"n", "64"}}, kernel_samples({1e-3, 2e-3}))});
    const Json doc = parsed(export_pyperf(r, {}));
    EXPECT_EQ(doc["benchmarks"][0]["metadata"]["perfmatrix_metric"], "time");
    EXPECT_EQ(doc["benchmarks"][0]["runs"][0]["values"], Json::array({1e-3, 2e-3}));

    const ExportOutput rate = export_pyperf(r, {.metric = "gflops"});
    EXPECT_EQ(rate.exported, 0u);
    ASSERT_EQ(rate.left_out.size(), 1u);
    EXPECT_NE(rate.left_out[0].find("gemm/n=64: 'gflops' (GFLOP/s) is a rate"), std::string::npos) << rate.left_out[0];
}

TEST(ExportPyperf, BytesAndCountsKeepTheirValuesUnderPyperfUnits) {
    const Results r = results_of({make_case("gemm/a", "gemm", "blas_gemm", {}, kernel_samples({1e-3, 2e-3}))});
    const Json iterations = parsed(export_pyperf(r, {.metric = "iterations"}));
    EXPECT_EQ(iterations["benchmarks"][0]["metadata"]["unit"], "integer");
    EXPECT_EQ(iterations["benchmarks"][0]["metadata"]["name"], "gemm");
    const Results rss = results_of({make_case("s/a", "s", "spawn", {}, {{"max_rss", "bytes", 0, false, 4096}})});
    EXPECT_EQ(parsed(export_pyperf(rss, {.metric = "max_rss"}))["benchmarks"][0]["metadata"]["unit"], "byte");
}

TEST(ExportPyperf, FailedCasesMissingMetricsAndNonPositiveValuesAreListedNotExported) {
    const Results r = results_of({
        make_case("s/ok", "s", "spawn", {{"v", "1"}}, {{"wall_time", "s", 0, false, 0.5}}),
        make_case("s/bad", "s", "spawn", {{"v", "2"}}, {{"wall_time", "s", 0, false, 0.5}}, status::nonzero_exit,
                  "exit 1"),
        make_case("s/zero", "s", "spawn", {{"v", "3"}}, {{"wall_time", "s", 0, false, 0.0}}),
        make_case("s/none", "s", "spawn", {{"v", "4"}}, {{"max_rss", "bytes", 0, false, 1.0}}),
    });
    const ExportOutput e = export_pyperf(r, {});
    EXPECT_EQ(e.exported, 1u);
    ASSERT_EQ(e.left_out.size(), 3u);
    EXPECT_EQ(e.left_out[0], "s/v=2: status nonzero_exit");
    EXPECT_EQ(e.left_out[1], "s/v=4: no headline metric with samples (use --metric)");
    EXPECT_EQ(e.left_out[2], "s/v=3: 'wall_time' has values <= 0, which pyperf refuses");
    EXPECT_EQ(parsed(e)["benchmarks"].size(), 1u);
}

TEST(ExportPyperf, NamesStayUniqueWhenAxisValuesCollide) {
    const Results r = results_of({
        make_case("b/1", "b", "spawn", {{"x", "1/y=2"}}, {{"wall_time", "s", 0, false, 0.5}}),
        make_case("b/2", "b", "spawn", {{"x", "1"}, {"y", "2"}}, {{"wall_time", "s", 0, false, 0.5}}),
    });
    const Json doc = parsed(export_pyperf(r, {}));
    ASSERT_EQ(doc["benchmarks"].size(), 2u);
    EXPECT_EQ(doc["benchmarks"][0]["metadata"]["name"], "b/x=1/y=2");
    EXPECT_EQ(doc["benchmarks"][1]["metadata"]["name"], "b/x=1/y=2 [b/2]");
}

}  // namespace
}  // namespace perfmatrix
