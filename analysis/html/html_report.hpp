#pragma once
// The self-contained HTML report of one results file (`perfmatrix report r.h5 --html
// out.html`): one file with inline CSS and the plots inlined as SVG, no external URL and no
// script, so it opens anywhere, offline, and can be mailed or archived as it is. Everything
// taken from the results file is HTML-escaped.
//
// Sections, each present only when there is something to show: header (job, invocations,
// ranks, environment, case counts), comparison (the speed-up summary per category, the
// heatmap, per compared value a forest plot, per-category geomeans with CIs, verdicts), one
// section per benchmark (statistics table whose rows link to the case's timeline panel, case
// environment, distribution, timeline, throughput and import-time plots),
// failed/skipped/unschedulable and never-run cases, noise warnings.

#include "analysis/compare/compare_report.hpp"
#include "analysis/plot/plot_data.hpp"
#include "analysis/report/report.hpp"
#include "measure/model/records.hpp"

#include <map>
#include <string>

namespace perfmatrix {

struct HtmlReportInputs {
    const Results* results = nullptr;
    std::string results_path;
    std::string reader_note;                    // "recovered ...", "still being written ..."
    const CompareReport* comparison = nullptr;  // none: no comparison section
    std::string comparison_note;                // why there is none, when that is worth saying
    const PlotSet* plots = nullptr;             // what was plotted (the svgs below, by file stem)
    std::map<std::string, std::string> svg_of;  // file stem -> SVG markup
    std::string plots_error;                    // set when the plots could not be drawn: why
    ReportSettings tables;                      // which metrics get tables (as `perfmatrix report`)
};

std::string render_html_report(const HtmlReportInputs& in);

// The <svg ...>...</svg> element of an SVG file, without the XML declaration and DOCTYPE
// that may not appear inside HTML. Throws std::invalid_argument when there is no <svg.
std::string inline_svg(const std::string& svg_file_text);

}  // namespace perfmatrix
