#pragma once
// The sections of the HTML report, each rendered on its own (internal to analysis/).
// Each returns "" when it has nothing to show.

#include "analysis/html/html_report.hpp"
#include "analysis/view/benchmark_view.hpp"

#include <string>
#include <vector>

namespace perfmatrix {

// An inlined plot with its caption, or "" when the plot was not drawn.
std::string html_figure(const HtmlReportInputs& in, const std::string& file, const std::string& caption);
// A fragment id for a name: "bench-" + a safe form of it.
std::string html_anchor(const std::string& prefix, const std::string& name);

std::string html_header(const HtmlReportInputs& in, const std::vector<BenchmarkView>& views);
std::string html_comparison(const HtmlReportInputs& in);
std::string html_benchmark(const HtmlReportInputs& in, const BenchmarkView& view);
// Cases whose status is not ok, and planned cases that never ran.
std::string html_problems(const Results& r, const std::vector<BenchmarkView>& views);
std::string html_noise(const std::vector<BenchmarkView>& views, const ReportSettings& opt);

}  // namespace perfmatrix
