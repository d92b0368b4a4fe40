// The data behind the plots and its JSON: which plots a results file gets, and their numbers.

#include "analysis/plot/plot_data.hpp"
#include "analysis/plot/plot_json.hpp"
#include "compare_fixtures.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>

namespace perfmatrix {
namespace {

using testing::band;
using testing::make_case;
using testing::results_of;
using testing::samples_of;
using testing::spawn_case;

CaseRecord gemm_case(const std::string& id, const std::string& n, const std::string& threads, double gflops) {
    return testing::gemm_case(id, {{"n", n}, {"threads", threads}}, gflops);
}

CaseRecord import_case(const std::string& id, const std::string& python, double json_self, double total_scale) {
    CaseRecord c = make_case(id, "imports", "python_workload", {{"python", python}},
                             samples_of("time", "s", band(0.02 * total_scale)));
    for (int rep = 0; rep < 5; ++rep) {
        c.components.push_back({"json", "import_self", "s", rep, false, json_self});
        c.components.push_back({"json", "import_cumulative", "s", rep, false, json_self * 3});
        c.components.push_back({"json.decoder", "import_self", "s", rep, false, json_self * 2});
        c.components.push_back({"re", "import_self", "s", rep, false, 1e-4 * total_scale});
        c.components.push_back({"json", "import_self", "s", rep, true, 1.0});  // a warm-up: left out
    }
    return c;
}

TEST(DisplayUnit, ScalesDurationsAndBytesToReadableUnits) {
    EXPECT_EQ(display_unit("s", 0.0125).label, "ms");
    EXPECT_DOUBLE_EQ(display_unit("s", 0.0125).factor, 1e3);
    EXPECT_EQ(display_unit("s", 3e-7).label, "ns");
    EXPECT_EQ(display_unit("s", 12).label, "s");
    EXPECT_EQ(display_unit("ms", 2500).label, "s");
    EXPECT_EQ(display_unit("bytes", 3.0 * 1024 * 1024).label, "MiB");
    EXPECT_EQ(display_unit("GFLOP/s", 50).label, "GFLOP/s");
    EXPECT_DOUBLE_EQ(display_unit("GFLOP/s", 50).factor, 1);
}

TEST(ThinForPlot, KeepsMinMaxAndQuantilesOfManySamples) {
    std::vector<double> v;
    for (int i = 1000; i >= 0; --i) v.push_back(i);
    const auto thin = thin_for_plot(v, 11);
    ASSERT_EQ(thin.size(), 11u);
    EXPECT_EQ(thin.front(), 0);
    EXPECT_EQ(thin.back(), 1000);
    EXPECT_EQ(thin[5], 500);
    EXPECT_EQ(thin_for_plot({3, 1, 2}, 11), (std::vector<double>{1, 2, 3}));  // few: all, sorted
}

TEST(FileStem, ReplacesUnsafeCharacters) {
    EXPECT_EQ(file_stem("a/b c<d>.x"), "a_b_c_d_.x");
    EXPECT_EQ(file_stem(".hidden"), "plot.hidden");
    EXPECT_EQ(file_stem(""), "plot");
}

TEST(DefaultCompareAxis, PrefersPythonThenTheFirstAxisThatVaries) {
    const Results with_python = results_of({spawn_case("a", {{"flag", "-S"}, {"python", "3.11"}}, 0.01),
                                            spawn_case("b", {{"flag", "-S"}, {"python", "3.12"}}, 0.01),
                                            spawn_case("c", {{"flag", "-I"}, {"python", "3.12"}}, 0.01)});
    EXPECT_EQ(default_compare_axis(with_python), "python");
    const Results no_python = results_of(
        {spawn_case("a", {{"one", "x"}, {"size", "1"}}, 0.01), spawn_case("b", {{"one", "x"}, {"size", "2"}}, 0.01)});
    EXPECT_EQ(default_compare_axis(no_python), "size");
    EXPECT_EQ(first_axis_value(no_python, "size"), "1");
    EXPECT_FALSE(default_compare_axis(results_of({spawn_case("a", {{"one", "x"}}, 0.01)})).has_value());
}

TEST(PlotSet, SpawnCasesGetDistributionsAndAHeatmapButNoThroughputOrImports) {
    const Results r = results_of({spawn_case("a", {{"python", "3.11"}}, 0.020),
                                  spawn_case("b", {{"python", "3.12"}}, 0.010),
                                  spawn_case("c", {{"python", "3.13"}}, 0.010, "start"),
                                  make_case("d", "start", "spawn", {{"python", "3.10"}}, {}, status::timeout)});
    const auto comparison = comparison_for_plots({"r.h5", &r, ""}, "", "");
    ASSERT_TRUE(comparison.has_value());
    EXPECT_EQ(comparison->axis, "python");
    EXPECT_EQ(comparison->baseline, "3.11");
    const PlotSet plots = build_plot_set(r, &*comparison);
    ASSERT_EQ(plots.heatmaps.size(), 1u);
    ASSERT_EQ(plots.distributions.size(), 1u);
    EXPECT_TRUE(plots.throughput.empty());
    EXPECT_TRUE(plots.imports.empty());

    const HeatmapPlot& h = plots.heatmaps[0];
    EXPECT_EQ(h.columns, (std::vector<std::string>{"3.12", "3.13", "3.10"}));
    ASSERT_EQ(h.rows, (std::vector<std::string>{"start"}));
    ASSERT_TRUE(h.speedup[0][0].has_value());
    EXPECT_NEAR(*h.speedup[0][0], 2.0, 1e-9);  // 20 ms -> 10 ms: twice as fast
    EXPECT_EQ(h.verdict[0][0], "faster");
    EXPECT_FALSE(h.speedup[0][2].has_value());  // the 3.10 case timed out: no comparison

    // One panel (no other axis), the pythons side by side in it.
    const DistributionPlot& d = plots.distributions[0];
    EXPECT_EQ(d.metric, "wall_time");
    EXPECT_EQ(d.axis, "python");
    ASSERT_EQ(d.panels.size(), 1u);
    const DistributionPanel& p = d.panels[0];
    EXPECT_EQ(p.title, "start");
    EXPECT_EQ(p.unit.label, "ms");
    EXPECT_EQ(p.labels, (std::vector<std::string>{"3.11", "3.12", "3.13"}));  // not the timeout
    EXPECT_EQ(p.counts, (std::vector<std::size_t>{20, 20, 20}));
    EXPECT_NEAR(p.values[0].front(), 20 * 0.99, 1e-9);  // in ms, warm-up left out
    EXPECT_NEAR(p.medians[0], 20, 1e-9);
    EXPECT_FALSE(p.log_scale);  // 9.9 to 20.2 ms: within a decade

    const Results many = results_of(
        {make_case("m", "big", "spawn", {}, samples_of("wall_time", "s", band(0.01, 1000)))});
    const PlotSet thin = build_plot_set(many, nullptr, PlotLimits{.max_points = 50, .top_modules = 10});
    ASSERT_EQ(thin.distributions.size(), 1u);
    EXPECT_EQ(thin.distributions[0].panels[0].values[0].size(), 50u);  // drawn: 50 quantiles
    EXPECT_EQ(thin.distributions[0].panels[0].counts[0], 1000u);       // labelled: every sample
}

TEST(PlotSet, RatesAgainstASizeAxisGiveOneLinePerOtherAxisCombination) {
    const Results r = results_of({gemm_case("a", "1024", "1", 40), gemm_case("b", "256", "1", 20),
                                  gemm_case("c", "256", "2", 35), gemm_case("d", "1024", "2", 80)});
    const PlotSet plots = build_plot_set(r, nullptr);
    ASSERT_EQ(plots.throughput.size(), 1u);
    const ThroughputPlot& t = plots.throughput[0];
    EXPECT_EQ(t.x_axis, "n");
    EXPECT_EQ(t.metric, "gflops");
    ASSERT_EQ(t.series.size(), 2u);
    EXPECT_EQ(t.series[0].label, "threads=1");
    EXPECT_EQ(t.series[0].x, (std::vector<double>{256, 1024}));  // sorted by size
    EXPECT_NEAR(t.series[0].median[0], 20, 1e-9);
    EXPECT_NEAR(t.series[0].median[1], 40, 1e-9);
    EXPECT_LT(t.series[0].low[1], 40);  // 20 samples: a real interval around the median
    EXPECT_GT(t.series[0].high[1], 40);
}

TEST(PlotSet, NoThroughputForTimesOrWithoutASizeAxis) {
    const Results times = results_of({spawn_case("a", {{"n", "1"}}, 0.01), spawn_case("b", {{"n", "2"}}, 0.02)});
    EXPECT_TRUE(build_plot_set(times, nullptr).throughput.empty());
    const Results no_size = results_of({gemm_case("a", "1024", "1", 40)});
    EXPECT_TRUE(build_plot_set(no_size, nullptr).throughput.empty());  // one size: no line
}

TEST(PlotSet, ImportTimesAreMediansOfMeasuredComponentsWithTheRestAsOther) {
    const Results r = results_of({import_case("a", "3.11", 2e-3, 1), import_case("b", "3.12", 1e-3, 2)});
    const PlotSet plots = build_plot_set(r, nullptr, PlotLimits{.max_points = 400, .top_modules = 2});
    ASSERT_EQ(plots.imports.size(), 1u);
    const ImportPlot& p = plots.imports[0];
    EXPECT_EQ(p.cases, (std::vector<std::string>{"3.11", "3.12"}));
    EXPECT_EQ(p.unit.label, "ms");
    EXPECT_EQ(p.self_modules, (std::vector<std::string>{"json.decoder", "json", "other (1 modules)"}));
    EXPECT_NEAR(p.self[0][0], 4.0, 1e-9);  // json.decoder, 3.11: 2 * 2 ms
    EXPECT_NEAR(p.self[0][1], 2.0, 1e-9);  // json: warm-up's 1 s left out
    EXPECT_NEAR(p.self[1][2], 0.2, 1e-9);  // re, 3.12, summed into "other"
    EXPECT_EQ(p.cumulative_modules, (std::vector<std::string>{"json"}));
    EXPECT_NEAR(p.cumulative[0][0], 6.0, 1e-9);
}

TEST(PlotJson, ImportBarsAreLabelledByWhatDiffersBetweenThem) {
    // workload=importtime is in every bar: the interpreter alone tells them apart.
    CaseRecord a = import_case("a", "3.11", 2e-3, 1), b = import_case("b", "3.12", 1e-3, 2);
    a.axes.push_back({"workload", "importtime"});
    b.axes.push_back({"workload", "importtime"});
    const auto doc = nlohmann::json::parse(plot_set_json(build_plot_set(results_of({a, b}), nullptr)));
    const auto& imports = doc["plots"].back();
    ASSERT_EQ(imports["type"], "imports");
    EXPECT_EQ(imports["cases"], nlohmann::json::array({"3.11", "3.12"}));
    EXPECT_NEAR(imports["self"][1][0].get<double>(), 2.0, 1e-9);  // json.decoder, 3.12: 2 * 1 ms
    // A single bar keeps its axes.
    const auto one = nlohmann::json::parse(plot_set_json(build_plot_set(results_of({a}), nullptr)));
    EXPECT_EQ(one["plots"].back()["cases"], nlohmann::json::array({"python=3.11, workload=importtime"}));
}

TEST(PlotSet, UniqueFileStemsForBenchmarksThatSanitiseAlike) {
    CaseRecord a = spawn_case("a", {}, 0.01, "x/y");
    CaseRecord b = spawn_case("b", {}, 0.01, "x y");
    const PlotSet plots = build_plot_set(results_of({a, b}), nullptr);
    ASSERT_EQ(plots.distributions.size(), 2u);
    EXPECT_EQ(plots.distributions[0].file, "distribution-x_y");
    EXPECT_EQ(plots.distributions[1].file, "distribution-x_y-2");
}

TEST(PlotJson, CarriesEveryPlotWithNullsForMissingValues) {
    const Results r = results_of({spawn_case("a", {{"python", "3.11"}}, 0.02),
                                  make_case("d", "start", "spawn", {{"python", "3.12"}}, {}, status::timeout),
                                  import_case("i", "3.11", 1e-3, 1)});
    const auto comparison = comparison_for_plots({"r.h5", &r, ""}, "python", "3.11");
    const auto doc = nlohmann::json::parse(plot_set_json(build_plot_set(r, &*comparison)));
    EXPECT_EQ(doc["format_version"], 2);
    std::vector<std::string> types;
    for (const auto& p : doc["plots"]) types.push_back(p["type"]);
    // No pair: no summary, heatmap or forest.
    EXPECT_EQ(types, (std::vector<std::string>{"distribution", "distribution", "imports"}));
    EXPECT_EQ(doc["plots"][0]["panels"][0]["unit"]["label"], "ms");
    EXPECT_EQ(doc["plots"][0]["panels"][0]["values"][0].size(), 20u);
    EXPECT_EQ(doc["plots"][0]["id_prefix"], "distribution-start-");
}

TEST(ComparisonForPlots, NamedAxisOrBaselineThatDoesNotExistIsAnError) {
    const Results r = results_of(
        {spawn_case("a", {{"python", "3.11"}}, 0.02), spawn_case("b", {{"python", "3.12"}}, 0.01)});
    EXPECT_THROW(comparison_for_plots({"r.h5", &r, ""}, "nope", ""), std::invalid_argument);
    EXPECT_THROW(comparison_for_plots({"r.h5", &r, ""}, "python", "2.7"), std::invalid_argument);
    EXPECT_EQ(comparison_for_plots({"r.h5", &r, ""}, "", "3.12")->baseline, "3.12");
}

}  // namespace
}  // namespace perfmatrix
