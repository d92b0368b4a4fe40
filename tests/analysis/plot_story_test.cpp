// The numbers of the version-story plots (summary, forest), the small-multiple distributions
// and the timelines, checked on the JSON the drawing script reads.

#include "analysis/plot/plot_data.hpp"
#include "analysis/plot/plot_json.hpp"
#include "compare_fixtures.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>

namespace perfmatrix {
namespace {

using nlohmann::json;
using testing::band;
using testing::make_case;
using testing::results_of;
using testing::samples_of;

CaseRecord timed(const std::string& id, const std::string& benchmark, const std::string& category,
                 std::vector<AxisValue> axes, double seconds) {
    CaseRecord c = make_case(id, benchmark, "spawn", std::move(axes), samples_of("wall_time", "s", band(seconds)));
    c.category = category;
    return c;
}

CaseRecord rate(const std::string& id, const std::string& python, double gflops) {
    CaseRecord c = testing::gemm_case(id, {{"python", python}}, gflops);
    c.category = "compute";
    return c;
}

// Two start-up benchmarks, one twice as fast on 3.12 and one twice as slow, and a rate that
// doubles: startup's geomean is 1, compute's 2, overall 2^(1/3).
Results story() {
    return results_of({timed("a1", "start", "startup", {{"python", "3.11"}}, 0.020),
                       timed("a2", "start", "startup", {{"python", "3.12"}}, 0.010),
                       timed("b1", "site", "startup", {{"python", "3.11"}}, 0.010),
                       timed("b2", "site", "startup", {{"python", "3.12"}}, 0.020), rate("g1", "3.11", 40),
                       rate("g2", "3.12", 80)});
}

json plot_of(const json& doc, const std::string& type) {
    for (const json& p : doc["plots"])
        if (p["type"] == type) return p;
    ADD_FAILURE() << "no plot of type " << type;
    return json::object();
}

json story_json(const Results& r) {
    const auto comparison = comparison_for_plots({"r.h5", &r, ""}, "python", "3.11");
    return json::parse(plot_set_json(build_plot_set(r, &*comparison)));
}

TEST(SpeedupSummaryPlot, GeomeanPerCategoryAndOverallWithTheirIntervals) {
    const Results r = story();
    const json doc = story_json(r);
    EXPECT_EQ(doc["plots"][0]["type"], "summary");  // the first picture
    const json s = plot_of(doc, "summary");
    EXPECT_EQ(s["file"], "summary-python");
    EXPECT_EQ(s["baseline"], "python=3.11");
    EXPECT_EQ(s["values"], json::array({"3.12"}));
    EXPECT_EQ(s["groups"], json::array({"startup", "compute", "overall"}));
    EXPECT_NEAR(s["geomean"][0][0].get<double>(), 1.0, 1e-9);  // sqrt(2 * 0.5)
    EXPECT_NEAR(s["geomean"][1][0].get<double>(), 2.0, 1e-9);  // 80 / 40 GFLOP/s
    EXPECT_NEAR(s["geomean"][2][0].get<double>(), std::cbrt(2.0), 1e-9);
    EXPECT_EQ(s["cases"], json::array({json::array({2}), json::array({1}), json::array({3})}));
    // Two ratios have an interval around their mean; a single one has none to estimate.
    EXPECT_LT(s["low"][0][0].get<double>(), 1.0);
    EXPECT_GT(s["high"][0][0].get<double>(), 1.0);
    EXPECT_TRUE(s["low"][1][0].is_null());
    EXPECT_TRUE(s["high"][1][0].is_null());
    EXPECT_NE(s["title"].get<std::string>().find("python=3.11"), std::string::npos);
}

TEST(ForestPlot, CasesSortedWithinCategoryFastestFirstWithVerdicts) {
    const json f = plot_of(story_json(story()), "forest");
    EXPECT_EQ(f["file"], "forest-python-3.12");
    EXPECT_EQ(f["compared"], "3.12");
    ASSERT_EQ(f["rows"].size(), 3u);
    const json& rows = f["rows"];
    EXPECT_EQ(rows[0]["label"], "start");
    EXPECT_EQ(rows[0]["category"], "startup");
    EXPECT_NEAR(rows[0]["speedup"].get<double>(), 2.0, 1e-9);
    EXPECT_EQ(rows[0]["verdict"], "faster");
    EXPECT_EQ(rows[1]["label"], "site");
    EXPECT_NEAR(rows[1]["speedup"].get<double>(), 0.5, 1e-9);
    EXPECT_EQ(rows[1]["verdict"], "slower");
    EXPECT_EQ(rows[2]["category"], "compute");
    for (const json& row : rows) {
        EXPECT_LE(row["low"].get<double>(), row["speedup"].get<double>());
        EXPECT_GE(row["high"].get<double>(), row["speedup"].get<double>());
    }
}

TEST(DistributionPlot, OnePanelPerWorkloadOnItsOwnScaleLogOnlyPastADecade) {
    // nbody near 2 ms and spectral_norm near 50 ms must not share an axis; a panel whose
    // cases span 1 to 20 ms gets a log axis, one within a decade a linear one.
    const Results r = results_of(
        {timed("n1", "compute", "compute", {{"python", "3.11"}, {"workload", "nbody"}}, 0.002),
         timed("n2", "compute", "compute", {{"python", "3.12"}, {"workload", "nbody"}}, 0.003),
         timed("s1", "compute", "compute", {{"python", "3.11"}, {"workload", "spectral"}}, 0.001),
         timed("s2", "compute", "compute", {{"python", "3.12"}, {"workload", "spectral"}}, 0.020)});
    const json d = plot_of(story_json(r), "distribution");
    EXPECT_EQ(d["axis"], "python");
    ASSERT_EQ(d["panels"].size(), 2u);
    const json& nbody = d["panels"][0];
    EXPECT_EQ(nbody["title"], "workload=nbody");
    EXPECT_EQ(nbody["labels"], json::array({"3.11", "3.12"}));
    EXPECT_EQ(nbody["unit"]["label"], "ms");
    EXPECT_NEAR(nbody["medians"][0].get<double>(), 2.0, 1e-9);
    EXPECT_NEAR(nbody["medians"][1].get<double>(), 3.0, 1e-9);
    EXPECT_FALSE(nbody["log_scale"].get<bool>());
    const json& spectral = d["panels"][1];
    EXPECT_EQ(spectral["title"], "workload=spectral");
    EXPECT_TRUE(spectral["log_scale"].get<bool>());  // 0.99 to 20.2 ms
    EXPECT_NEAR(spectral["medians"][1].get<double>(), 20.0, 1e-9);

    // No compared axis: a panel per case, each on its own unit.
    const PlotSet alone = build_plot_set(r, nullptr);
    ASSERT_EQ(alone.distributions[0].panels.size(), 4u);
    EXPECT_EQ(alone.distributions[0].panels[0].title, "python=3.11, workload=nbody");
}

// A case measured in rounds at known times: samples 1.0, 2.0 (round 0, from t=100 to 110 s)
// and 3.0, 5.0 (round 1, 120 to 130 s) seconds.
CaseRecord in_rounds(const std::string& id, double offset) {
    CaseRecord c = make_case(id, "loop", "spawn", {{"python", id}}, {});
    const double values[2][2] = {{1.0, 2.0}, {3.0, 5.0}};
    for (int round = 0; round < 2; ++round) {
        c.samples.push_back({"wall_time", "s", 0, true, 9.0, round});  // warm-up: not drawn
        for (int rep = 0; rep < 2; ++rep)
            c.samples.push_back({"wall_time", "s", rep, false, values[round][rep], round});
        RoundRecord rr;
        rr.round = round;
        rr.status = status::ok;
        rr.started = 100 + offset + 20 * round;
        rr.ended = rr.started + 10;
        c.rounds.push_back(rr);
    }
    return c;
}

TEST(TimelinePlot, SamplesSpreadOverTheirRoundOnTheRunsTimeAxis) {
    const Results r = results_of({in_rounds("a", 0), in_rounds("b", 5)});
    const json t = plot_of(json::parse(plot_set_json(build_plot_set(r, nullptr))), "timeline");
    EXPECT_EQ(t["file"], "timeline-loop");
    EXPECT_NEAR(t["duration"].get<double>(), 35.0, 1e-9);  // 100 to 135 s: the run, shared by every panel
    ASSERT_EQ(t["panels"].size(), 2u);
    const json& a = t["panels"][0];
    EXPECT_EQ(a["anchor"], "case-a");
    EXPECT_EQ(a["unit"]["label"], "s");
    const std::vector<double> time = a["time"], value = a["value"];
    EXPECT_EQ(time, (std::vector<double>{2.5, 7.5, 22.5, 27.5}));  // evenly within each round, in order
    EXPECT_EQ(value, (std::vector<double>{1.0, 2.0, 3.0, 5.0}));
    EXPECT_EQ(a["round"], json::array({0, 0, 1, 1}));
    ASSERT_EQ(a["rounds"].size(), 2u);
    EXPECT_NEAR(a["rounds"][1]["start"].get<double>(), 20.0, 1e-9);
    EXPECT_NEAR(a["rounds"][1]["end"].get<double>(), 30.0, 1e-9);
    EXPECT_NEAR(a["rounds"][1]["median"].get<double>(), 4.0, 1e-9);
    const std::vector<double> later = t["panels"][1]["time"];
    EXPECT_NEAR(later.front(), 7.5, 1e-9);  // b started 5 s after a
    // The id the HTML report links a case's row to: the plot's prefix, then the panel's anchor.
    EXPECT_EQ(t["id_prefix"].get<std::string>() + a["anchor"].get<std::string>(), "timeline-loop-case-a");

    // Thinned in order: first and last kept, evenly spaced between.
    const PlotSet thin = build_plot_set(r, nullptr, PlotLimits{.max_points = 2, .top_modules = 10});
    EXPECT_EQ(thin.timelines[0].panels[0].value.size(), 4u);  // at least 2 a round
}

TEST(TimelinePlot, NoneWithoutRoundTimes) { EXPECT_TRUE(build_plot_set(story(), nullptr).timelines.empty()); }

}  // namespace
}  // namespace perfmatrix
