// `report --format csv|json|markdown`: the rows, their fields and what a failed case shows.
#include "analysis/report/report_formats.hpp"
#include "analysis/stats/statistics.hpp"

#include "tests/support/text_lines.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <sstream>

namespace perfmatrix {
namespace {

using test::lines_of;

// Ten wall times: 1..9 ms and one of 100 ms, far out by every rule.
const std::vector<double> values{0.001, 0.002, 0.003, 0.004, 0.005, 0.006, 0.007, 0.008, 0.009, 0.100};

CaseRecord make_case(std::string id, std::string python, std::string case_status, const std::vector<double>& v) {
    CaseRecord c;
    c.case_id = std::move(id);
    c.benchmark = "start";
    c.kind = "spawn";
    c.status = std::move(case_status);
    c.axes = {{"python", std::move(python)}, {"flags", "-S,-I"}};
    for (std::size_t i = 0; i < v.size(); ++i)
        c.samples.push_back({"wall_time", "s", static_cast<int>(i), false, v[i]});
    c.rounds.resize(1);
    return c;
}

Results results() {
    Results r;
    r.schema_version = 5;
    r.meta.job_path = "jobs/start.toml";
    r.cases = {make_case("start/a", "3.12", status::ok, values), make_case("start/b", "3.13", "nonzero_exit", {})};
    return r;
}

TEST(ReportFormats, OnlyTheFourNamesParse) {
    EXPECT_EQ(parse_report_format("json"), ReportFormat::json);
    EXPECT_EQ(parse_report_format("markdown"), ReportFormat::markdown);
    EXPECT_FALSE(parse_report_format("xml"));
    EXPECT_FALSE(parse_report_format("JSON"));
}

TEST(ReportFormats, CsvHasOneLinePerCaseAndMetricWithEveryStatistic) {
    const auto out = lines_of(render_report_csv(results(), {}));
    ASSERT_EQ(out.size(), 3u);
    EXPECT_EQ(out[0],
              "benchmark,case_id,axes,category,kind,status,metric,unit,better,n,median,median_ci_low,median_ci_high,"
              "median_ci_coverage,mean,stddev,cv,mad,iqr,min,max,p5,p95,outliers_modified_z,outliers_tukey,"
              "outliers_tukey_far,rounds,between_relative_mad,within_relative_mad");
    const Summary s = summarize(values);
    // The axes field holds a comma, so it is quoted.
    EXPECT_EQ(out[1].rfind("start,start/a,\"python=3.12;flags=-S,-I\",startup,spawn,ok,wall_time,s,lower,10,", 0), 0u)
        << out[1];
    EXPECT_NE(out[1].find(fmt::format(",{},", s.median)), std::string::npos) << out[1];
    // A failed case without samples: n is 0 and every statistic is empty.
    EXPECT_EQ(out[2],
              "start,start/b,\"python=3.13;flags=-S,-I\",startup,spawn,nonzero_exit,wall_time,s,lower,0,"
              ",,,,,,,,,,,,,,,,1,,");
}

TEST(ReportFormats, JsonCarriesItsVersionAndRawNumbers) {
    const auto doc = nlohmann::json::parse(render_report_json(results(), {}));
    EXPECT_EQ(doc.at("format_version"), 1);
    EXPECT_EQ(doc.at("job").at("path"), "jobs/start.toml");
    ASSERT_EQ(doc.at("cases").size(), 2u);
    const auto& ok = doc.at("cases").at(0);
    const Summary s = summarize(values);
    EXPECT_EQ(ok.at("axes").at("python"), "3.12");
    EXPECT_TRUE(ok.at("n").is_number_integer());
    EXPECT_EQ(ok.at("n"), 10);
    EXPECT_DOUBLE_EQ(ok.at("median").get<double>(), s.median);
    EXPECT_DOUBLE_EQ(ok.at("mean").get<double>(), s.mean);
    EXPECT_DOUBLE_EQ(ok.at("p95").get<double>(), s.p95);
    EXPECT_DOUBLE_EQ(ok.at("median_ci_low").get<double>(), s.median_ci->lower);
    EXPECT_EQ(ok.at("outliers_tukey"), s.outliers.tukey_count);
    EXPECT_GE(ok.at("outliers_tukey").get<int>(), 1);
    const auto& failed = doc.at("cases").at(1);
    EXPECT_EQ(failed.at("status"), "nonzero_exit");
    EXPECT_EQ(failed.at("n"), 0);
    EXPECT_TRUE(failed.at("median").is_null());
    EXPECT_TRUE(failed.at("median_ci_low").is_null());
}

TEST(ReportFormats, MarkdownIsATablePerBenchmarkAndMetric) {
    const std::string md = render_report_markdown(results(), {});
    EXPECT_NE(md.find("### start: wall_time [s]\n"), std::string::npos) << md;
    EXPECT_NE(md.find("| python=3.12, flags=-S,-I | ok | 10 | 5.500 ms |"), std::string::npos) << md;
    EXPECT_NE(md.find("| python=3.13, flags=-S,-I | nonzero_exit | 0 | - |"), std::string::npos) << md;
}

}  // namespace
}  // namespace perfmatrix
