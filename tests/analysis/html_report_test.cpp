// The HTML report as text: escaping, and which sections appear for which data.

#include "analysis/html/html_escape.hpp"
#include "analysis/html/html_report.hpp"
#include "analysis/plot/plot_data.hpp"
#include "compare_fixtures.hpp"

#include <gtest/gtest.h>

namespace perfmatrix {
namespace {

using testing::make_case;
using testing::results_of;
using testing::spawn_case;

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::size_t occurrences(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++n;
    return n;
}

TEST(HtmlEscape, EscapesTheFiveSpecialCharacters) {
    EXPECT_EQ(html_escape(R"(<a href="x">'&'</a>)"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    EXPECT_EQ(html_escape("µs … ok"), "µs … ok");  // UTF-8 passes unchanged
}

TEST(InlineSvg, DropsTheXmlPrologueAndRefusesNonSvg) {
    EXPECT_EQ(inline_svg("<?xml version=\"1.0\"?>\n<!DOCTYPE svg>\n<svg a=\"1\"></svg>\n"), "<svg a=\"1\"></svg>\n");
    EXPECT_THROW(inline_svg("<html></html>"), std::invalid_argument);
}

TEST(HtmlReport, EscapesEverythingFromTheFile) {
    Results r = results_of({spawn_case("a", {{"arg", "<script>alert(1)</script>"}}, 0.01, "b<i>ad"),
                            make_case("f", "b<i>ad", "spawn", {{"arg", "x"}}, {}, status::nonzero_exit,
                                      "stderr: <img src=x onerror=alert(1)> & more")});
    r.meta.job_path = "jobs/<evil>.toml";
    r.meta.job_text = "name = \"</pre><script>\"";
    HtmlReportInputs in;
    in.results = &r;
    in.results_path = "r&d.h5";
    const std::string html = render_html_report(in);
    EXPECT_FALSE(contains(html, "<script"));
    EXPECT_FALSE(contains(html, "<img"));
    EXPECT_FALSE(contains(html, "<i>"));
    EXPECT_TRUE(contains(html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    EXPECT_TRUE(contains(html, "&lt;img src=x onerror=alert(1)&gt; &amp; more"));
    EXPECT_TRUE(contains(html, "jobs/&lt;evil&gt;.toml"));
    EXPECT_TRUE(contains(html, "r&amp;d.h5"));
}

TEST(HtmlReport, SelfContainedWithTheSectionsItsDataFill) {
    const Results r = results_of(
        {spawn_case("a", {{"python", "3.11"}}, 0.020), spawn_case("b", {{"python", "3.12"}}, 0.010)});
    HtmlReportInputs in;
    in.results = &r;
    in.results_path = "r.h5";
    const std::string html = render_html_report(in);
    EXPECT_TRUE(html.starts_with("<!DOCTYPE html>"));
    EXPECT_TRUE(contains(html, "<style>"));
    EXPECT_FALSE(contains(html, "http://"));  // nothing fetched from elsewhere
    EXPECT_FALSE(contains(html, "https://"));
    EXPECT_FALSE(contains(html, "<script"));
    EXPECT_TRUE(contains(html, "id=\"summary\""));
    EXPECT_TRUE(contains(html, "id=\"bench-start\""));
    EXPECT_TRUE(contains(html, "95% CI of median"));
    EXPECT_TRUE(contains(html, "20.00 ms"));            // the 3.11 median
    EXPECT_FALSE(contains(html, "id=\"comparison\""));  // none given
    EXPECT_FALSE(contains(html, "id=\"problems\""));    // every case ok, none missing
    EXPECT_FALSE(contains(html, "<svg"));               // no plots drawn
}

TEST(HtmlReport, ComparisonSectionHasVerdictsCategoriesAndTheHeatmap) {
    const Results r = results_of(
        {spawn_case("a", {{"python", "3.11"}}, 0.020), spawn_case("b", {{"python", "3.12"}}, 0.010)});
    const auto comparison = comparison_for_plots({"r.h5", &r, ""}, "", "");
    const PlotSet plots = build_plot_set(r, &*comparison);
    HtmlReportInputs in;
    in.results = &r;
    in.comparison = &*comparison;
    in.plots = &plots;
    in.svg_of[plots.heatmaps.at(0).file] = "<svg id=\"heat\"></svg>";
    in.svg_of[plots.distributions.at(0).file] = "<svg id=\"dist\"></svg>";
    const std::string html = render_html_report(in);
    EXPECT_TRUE(contains(html, "id=\"comparison\""));
    EXPECT_TRUE(contains(html, "python=3.12 vs python=3.11 (baseline)"));
    EXPECT_TRUE(contains(html, "2.000×"));  // speed-up of the case and the geomean
    EXPECT_TRUE(contains(html, "<tr class=\"faster\">"));
    EXPECT_TRUE(contains(html, "startup"));  // spawn's category
    EXPECT_TRUE(contains(html, "<b>overall</b>"));
    EXPECT_EQ(occurrences(html, "<svg"), 2u);
    EXPECT_LT(html.find("id=\"heat\""), html.find("id=\"bench-start\""));  // heatmap in the comparison
    EXPECT_GT(html.find("id=\"dist\""), html.find("id=\"bench-start\""));  // distribution in its benchmark
}

TEST(HtmlReport, ListsFailedSkippedAndNeverRunCasesAndPlotErrors) {
    const Results r =
        results_of({spawn_case("a", {{"python", "3.11"}}, 0.02),
                    make_case("s", "start", "spawn", {{"python", "2.7"}}, {}, status::skipped, "no numpy"),
                    make_case("t", "start", "spawn", {{"python", "3.12"}}, {}, status::timeout, "ran past 5 s")},
                   /*planned=*/5, "interrupted");
    HtmlReportInputs in;
    in.results = &r;
    in.plots_error = "perfmatrix plots need the Python package matplotlib";
    const std::string html = render_html_report(in);
    EXPECT_TRUE(contains(html, "id=\"problems\""));
    EXPECT_TRUE(contains(html, "no numpy"));
    EXPECT_TRUE(contains(html, "ran past 5 s"));
    EXPECT_TRUE(contains(html, "2 of 5 planned cases never ran"));
    EXPECT_TRUE(
        contains(html, "Plots are missing from this report: perfmatrix plots need the Python package matplotlib"));
}

TEST(HtmlReport, NoiseWarningsForFewSamples) {
    const Results r = results_of(
        {make_case("a", "start", "spawn", {}, testing::samples_of("wall_time", "s", {0.02, 0.021, 0.019}))});
    HtmlReportInputs in;
    in.results = &r;
    const std::string html = render_html_report(in);
    EXPECT_TRUE(contains(html, "id=\"noise\""));
    EXPECT_TRUE(contains(html, "too few samples"));
    EXPECT_TRUE(contains(html, "only 3 samples"));
}

TEST(HtmlReport, TablesFollowTheRequestedMetricsLikeTheTextReport) {
    CaseRecord c = spawn_case("a", {}, 0.02);
    for (int i = 0; i < 6; ++i) c.samples.push_back({"max_rss", "bytes", i, false, 1048576.0 * (10 + i)});
    const Results r = results_of({c});
    HtmlReportInputs in;
    in.results = &r;
    EXPECT_FALSE(contains(render_html_report(in), "<h3>max_rss [bytes]</h3>"));  // not a headline metric
    in.tables.all_metrics = true;
    const std::string all = render_html_report(in);
    EXPECT_TRUE(contains(all, "<h3>max_rss [bytes]</h3>"));
    EXPECT_TRUE(contains(all, "<h3>wall_time [s]</h3>"));
    in.tables.all_metrics = false;
    in.tables.metrics = {"max_rss"};
    EXPECT_FALSE(contains(render_html_report(in), "<h3>wall_time [s]</h3>"));
}

}  // namespace
}  // namespace perfmatrix
