// The interpreter-tax table (analysis/tax/) over hand-built results: which cases pair, the ratio
// and its interval, the rates, the order of rows, what the formats and the plot carry.

#include "analysis/plot/plot_data.hpp"
#include "analysis/tax/tax_formats.hpp"
#include "analysis/tax/tax_report.hpp"
#include "analysis/tax/tax_work.hpp"
#include "compare_fixtures.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <stdexcept>
#include <string>

namespace perfmatrix {
namespace {

using testing::band;
using testing::make_case;
using testing::results_of;
using testing::samples_of;

using Env = std::vector<std::pair<std::string, std::string>>;

Env key(const std::string& op, long long n, const std::string& dtype = "float64", const std::string& threads = "1") {
    return {{"tax.op", op}, {"tax.n", std::to_string(n)}, {"tax.dtype", dtype}, {"tax.threads", threads}};
}

// A native case whose call takes about `seconds`.
CaseRecord native(const std::string& id, const std::string& benchmark, const std::string& label, long long n,
                  double seconds, const std::string& op = "matmul") {
    CaseRecord c = make_case(id, benchmark, "blas_gemm", {{"n", std::to_string(n)}},
                             samples_of("time", "s", band(seconds)));
    c.environment = key(op, n);
    c.environment.emplace_back("tax.side", "native");
    c.environment.emplace_back("tax.implementation", label);
    return c;
}

// A Python case of `version`, compared with the native benchmark `against`.
CaseRecord python(const std::string& id, const std::string& version, const std::string& against, long long n,
                  double seconds, const std::string& label = "numpy", const std::string& op = "matmul") {
    CaseRecord c = make_case(id, "np", "python_workload", {{"python", version}, {"n", std::to_string(n)}},
                             samples_of("time", "s", band(seconds)));
    c.environment = key(op, n);
    for (const auto& kv : Env{{"tax.side", "python"},
                              {"tax.implementation", label},
                              {"tax.native", against},
                              {"python.version", version},
                              {"python.implementation", "cpython"},
                              {"workload.blas.loaded", "openblas"},
                              {"workload.blas.corename", "SkylakeX"},
                              {"workload.blas.claimed", "scipy-openblas 0.3.29"},
                              {"workload.blas.verified", "yes"}})
        c.environment.push_back(kv);
    return c;
}

TEST(TaxReport, PairsEachPythonCaseWithItsNativeCaseAtTheSameKey) {
    const Results r = results_of({
        native("g64", "gemm", "OpenBLAS (C)", 64, 10e-6),
        native("g256", "gemm", "OpenBLAS (C)", 256, 400e-6),
        python("p64-310", "3.10.13", "gemm", 64, 30e-6),
        python("p64-39", "3.9.18", "gemm", 64, 40e-6),
        python("p256", "3.10.13", "gemm", 256, 440e-6),
    });
    const TaxReport report = build_tax_report(r, "r.h5");
    ASSERT_EQ(report.groups.size(), 2u);
    const TaxGroup& small = report.groups[0];
    EXPECT_EQ(small.n, 64);  // n ascending
    ASSERT_EQ(small.rows.size(), 3u);
    EXPECT_FALSE(small.rows[0].tax.python);              // the native row first
    EXPECT_EQ(small.rows[1].tax.interpreter, "3.9.18");  // then by version: 3.9 before 3.10
    EXPECT_EQ(small.rows[2].tax.interpreter, "3.10.13");
    const TaxRow& py = small.rows[2];
    ASSERT_TRUE(py.ratio);
    // Bands of 1 % around 30 µs and 10 µs: the ratio of medians is 3, its interval about it.
    EXPECT_NEAR(py.ratio->ratio, 3.0, 1e-9);
    EXPECT_LE(py.ratio->low, 3.0);
    EXPECT_GE(py.ratio->high, 3.0);
    EXPECT_GT(py.ratio->low, 2.9);
    EXPECT_LT(py.ratio->high, 3.1);
    EXPECT_EQ(py.native_implementation, "OpenBLAS (C)");
    // GFLOP/s from the median time: 2 n^3 / t.
    ASSERT_TRUE(small.rows[0].rate);
    EXPECT_NEAR(*small.rows[0].rate, 2.0 * 64 * 64 * 64 / 10e-6 / 1e9, 1e-9);
    EXPECT_EQ(small.rows[0].rate_unit, "GFLOP/s");
    EXPECT_NEAR(report.groups[1].rows[1].ratio->ratio, 1.1, 1e-9);
}

TEST(TaxReport, SaysWhyARowHasNoTax) {
    CaseRecord failed_native = native("g", "gemm", "OpenBLAS (C)", 64, 10e-6);
    failed_native.status = status::wrong_result;
    failed_native.samples.clear();
    const Results r = results_of({
        failed_native,
        python("p", "3.12.1", "gemm", 64, 30e-6),
        python("q", "3.12.1", "other", 64, 30e-6, "torch (Python)"),
    });
    const TaxReport report = build_tax_report(r, "r.h5");
    ASSERT_EQ(report.groups.size(), 1u);
    const auto& rows = report.groups[0].rows;
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_FALSE(rows[0].median_time);
    EXPECT_FALSE(rows[1].ratio);
    EXPECT_EQ(rows[1].no_ratio, "the native case is wrong_result");
    EXPECT_FALSE(rows[2].ratio);
    EXPECT_NE(rows[2].no_ratio.find("no case of native benchmark 'other'"), std::string::npos) << rows[2].no_ratio;
    const std::string text = render_tax_table(report);
    EXPECT_NE(text.find("wrong_result"), std::string::npos) << text;
    EXPECT_NE(text.find("no tax: the native case is wrong_result"), std::string::npos) << text;
}

TEST(TaxReport, AFileWithoutTaxCasesIsRefused) {
    const Results r = results_of({make_case("a", "x", "spawn", {}, samples_of("wall_time", "s", band(1e-3)))});
    try {
        build_tax_report(r, "r.h5");
        FAIL() << "no exception";
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("no case declares 'tax'"), std::string::npos) << e.what();
    }
}

TEST(TaxReport, RatesFollowTheNativeKindsCounts) {
    EXPECT_DOUBLE_EQ(tax_work("matmul", 10, "float32")->amount, 2000);
    EXPECT_EQ(tax_work("matmul", 10, "float32")->unit, "GFLOP/s");
    EXPECT_DOUBLE_EQ(tax_work("elementwise", 10, "float64")->amount, 4 * 10 * 8);  // a, b, c read; out written
    EXPECT_DOUBLE_EQ(tax_work("reduction", 10, "float32")->amount, 11 * 4);        // n read, 1 written
    EXPECT_EQ(tax_work("reduction", 10, "float32")->unit, "GB/s");
    EXPECT_FALSE(tax_work("elementwise", 10, "int8"));
    EXPECT_FALSE(tax_work("conv", 10, "float32"));
}

TEST(TaxReport, VersionsSortAsNumbers) {
    EXPECT_TRUE(version_less("3.9.18", "3.10.13"));
    EXPECT_TRUE(version_less("3.13.0", "3.13.0t"));
    EXPECT_TRUE(version_less("3.13.0", "pypy 3.9.16"));
    EXPECT_FALSE(version_less("3.10.13", "3.10.13"));
}

TEST(TaxFormats, CsvJsonAndMarkdownCarryTheSameRows) {
    const Results r = results_of(
        {native("g", "gemm", "OpenBLAS (C)", 64, 10e-6), python("p", "3.11.7", "gemm", 64, 20e-6)});
    const TaxReport report = build_tax_report(r, "r.h5");
    const std::string csv = render_tax_csv(report);
    EXPECT_EQ(csv.substr(0, csv.find('\n')),
              "op,n,dtype,threads,interpreter,implementation,side,benchmark,case_id,status,rounds,median_time,rate,"
              "rate_unit,against,tax,tax_low,tax_high,no_tax,blas,blas_claimed,blas_verified,reason");
    EXPECT_NE(csv.find("matmul,64,float64,1,3.11.7,numpy,python,np,p,ok,"), std::string::npos) << csv;
    const auto doc = nlohmann::json::parse(render_tax_json(report));
    EXPECT_EQ(doc.at("format_version"), 1);
    const auto& rows = doc.at("groups").at(0).at("rows");
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_TRUE(rows.at(0).at("tax").is_null());
    EXPECT_NEAR(rows.at(1).at("tax").get<double>(), 2.0, 1e-9);
    EXPECT_EQ(rows.at(1).at("blas_verified"), "yes");
    EXPECT_EQ(rows.at(1).at("against"), "OpenBLAS (C)");
    const std::string md = render_tax_markdown(report);
    EXPECT_NE(md.find("| 64 | float64 | 1 | 3.11.7 | numpy |"), std::string::npos) << md;
    const std::string table = render_tax_table(report);
    EXPECT_NE(table.find("2x"), std::string::npos) << table;
    EXPECT_NE(table.find("numpy 3.11.7: openblas SkylakeX"), std::string::npos) << table;
    EXPECT_NE(table.find("its build claims scipy-openblas 0.3.29: matches: yes"), std::string::npos) << table;
    EXPECT_FALSE(parse_tax_format("html"));
}

TEST(TaxPlot, OneLinePerInterpreterAndImplementationAgainstN) {
    const Results r = results_of({
        native("g64", "gemm", "OpenBLAS (C)", 64, 10e-6),
        native("g256", "gemm", "OpenBLAS (C)", 256, 400e-6),
        python("a", "3.12.1", "gemm", 64, 30e-6),
        python("b", "3.12.1", "gemm", 256, 480e-6),
    });
    const PlotSet plots = build_plot_set(r, nullptr);
    ASSERT_EQ(plots.tax.size(), 1u);
    const TaxPlot& p = plots.tax[0];
    EXPECT_EQ(p.file, "tax-matmul");
    ASSERT_EQ(p.series.size(), 1u);
    EXPECT_EQ(p.series[0].label, "3.12.1 numpy");
    EXPECT_EQ(p.series[0].x, (std::vector<double>{64, 256}));
    EXPECT_NEAR(p.series[0].ratio[0], 3.0, 1e-9);
    EXPECT_NEAR(p.series[0].ratio[1], 1.2, 1e-9);
}

}  // namespace
}  // namespace perfmatrix
