// The page around the sections: style, navigation, order.

#include "analysis/html/html_report.hpp"

#include "analysis/html/html_escape.hpp"
#include "analysis/html/html_sections.hpp"
#include "analysis/plot/plot_data.hpp"

#include <fmt/format.h>

#include <stdexcept>

namespace perfmatrix {

namespace {

// Inline: the file must stand alone (no external stylesheet, font or script).
constexpr const char* kStyle = R"css(
:root { --ink: #1f2d3d; --muted: #6b7785; --line: #dde3ea; --faster: #1e8449; --slower: #c0392b; --accent: #2c6fbb; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--ink); background: #f4f6f9; }
header.top { background: linear-gradient(135deg, #1f3b5a, #2c6fbb); color: #fff; padding: 22px 32px; }
header.top h1 { margin: 0 0 4px; font-size: 24px; }
header.top .sub { opacity: 0.85; font-size: 13px; word-break: break-all; }
nav { background: #fff; border-bottom: 1px solid var(--line); padding: 8px 32px; font-size: 13px; position: sticky; top: 0; z-index: 1; }
nav a { color: var(--accent); text-decoration: none; margin-right: 14px; white-space: nowrap; }
main { padding: 18px 32px 40px; max-width: 1400px; }
section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 16px 20px; margin: 0 0 18px; }
h2 { margin: 0 0 10px; font-size: 18px; }
h3 { margin: 16px 0 8px; font-size: 15px; }
.kind { color: var(--muted); font-weight: normal; font-size: 13px; }
.cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 4px 0 12px; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; min-width: 110px; }
.card .v { font-size: 20px; font-weight: 600; }
.card .k { color: var(--muted); font-size: 12px; }
.card.bad .v { color: var(--slower); } .card.good .v { color: var(--faster); }
table { border-collapse: collapse; margin: 6px 0 10px; font-size: 13px; }
th, td { padding: 4px 10px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
th { background: #f0f3f7; font-weight: 600; white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tbody tr:hover { background: #f7fafd; }
tr.faster td:last-child { color: var(--faster); font-weight: 600; }
tr.slower td:last-child { color: var(--slower); font-weight: 600; }
tr.failed td { background: #fdf1f0; }
.warn { color: #a0522d; font-size: 12px; }
.status { font-weight: 600; color: var(--slower); }
.note { background: #fff8e1; border-left: 4px solid #f0b429; padding: 8px 12px; margin: 8px 0; }
.error { background: #fdecea; border-left: 4px solid var(--slower); padding: 8px 12px; margin: 8px 0; }
figure.plot { margin: 10px 0; overflow-x: auto; }
figure.plot svg { max-width: 100%; height: auto; }
figcaption { color: var(--muted); font-size: 12px; }
details { margin: 6px 0; } summary { cursor: pointer; color: var(--accent); }
pre { background: #f6f8fa; padding: 10px; overflow-x: auto; font-size: 12px; }
code { font-size: 12px; }
.reason { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12px; word-break: break-word; }
)css";

std::string navigation(const HtmlReportInputs& in, const std::vector<BenchmarkView>& views, bool problems, bool noise) {
    std::string links = "<a href=\"#summary\">Summary</a>";
    if (in.comparison) links += "<a href=\"#comparison\">Comparison</a>";
    for (const BenchmarkView& v : views)
        links += fmt::format("<a href=\"#{}\">{}</a>", html_anchor("bench", v.name), html_escape(v.name));
    if (problems) links += "<a href=\"#problems\">Failed &amp; missing</a>";
    if (noise) links += "<a href=\"#noise\">Noise warnings</a>";
    return "<nav>" + links + "</nav>\n";
}

}  // namespace

std::string inline_svg(const std::string& svg_file_text) {
    const auto start = svg_file_text.find("<svg");
    if (start == std::string::npos) throw std::invalid_argument("not an SVG document: no <svg element");
    return svg_file_text.substr(start);
}

std::string render_html_report(const HtmlReportInputs& in) {
    if (in.results == nullptr) throw std::invalid_argument("render_html_report: no results");
    const Results& r = *in.results;
    const std::vector<BenchmarkView> views = group_benchmarks(r);
    const std::string problems = html_problems(r, views);
    const std::string noise = html_noise(views, in.tables);
    std::string body = html_header(in, views);
    body += html_comparison(in);
    for (const BenchmarkView& v : views) body += html_benchmark(in, v);
    body += problems + noise;
    const std::string title = "perfmatrix report: " + (r.meta.job_path.empty() ? in.results_path : r.meta.job_path);
    return fmt::format(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n"
        "<header class=\"top\"><h1>perfmatrix report</h1><div class=\"sub\">{}</div></header>\n{}<main>\n{}</main>\n"
        "</body>\n</html>\n",
        html_escape(title), kStyle, html_escape(in.results_path),
        navigation(in, views, !problems.empty(), !noise.empty()), body);
}

std::string html_figure(const HtmlReportInputs& in, const std::string& file, const std::string& caption) {
    const auto it = in.svg_of.find(file);
    if (it == in.svg_of.end()) return {};
    return fmt::format("<figure class=\"plot\">{}<figcaption>{}</figcaption></figure>\n", it->second,
                       html_escape(caption));
}

std::string html_anchor(const std::string& prefix, const std::string& name) { return prefix + "-" + file_stem(name); }

}  // namespace perfmatrix
