// `perfmatrix report r.h5 --html out.html`: the self-contained HTML report. The plots are
// drawn as SVG into a private temporary directory and inlined; without matplotlib the page
// still has every table, and says at its top (and on stderr) why the plots are missing.

#include "analysis/html/html_report.hpp"
#include "analysis/plot/plot_data.hpp"
#include "orchestrator/cli/command_errors.hpp"
#include "orchestrator/cli/commands.hpp"
#include "orchestrator/cli/plot_inputs.hpp"
#include "orchestrator/cli/plot_rendering.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <system_error>

namespace perfmatrix {

namespace {

// A directory of our own under $TMPDIR, removed with everything in it when done.
class TempDir {
public:
    TempDir() {
        const char* base = std::getenv("TMPDIR");
        std::string pattern = std::string(base && *base ? base : "/tmp") + "/perfmatrix-plots-XXXXXX";
        if (::mkdtemp(pattern.data()) == nullptr)
            throw std::system_error(errno, std::generic_category(), "cannot create a temporary directory");
        path_ = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in) throw std::runtime_error(fmt::format("cannot read {}", path.string()));
    return text.str();
}

void write_file(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) throw std::runtime_error(fmt::format("cannot write {}", path));
}

// Draws the plots as SVG and fills in.svg_of, or in.plots_error when they cannot be drawn.
void add_plots(HtmlReportInputs& in) {
    try {
        const TempDir dir;
        for (const auto& path : draw_plots(*in.plots, dir.path(), PlotFormat::svg))
            in.svg_of.emplace(path.stem().string(), inline_svg(read_file(path)));
    } catch (const PlotError& e) {
        in.plots_error = e.what();
    }
}

}  // namespace

int html_report_command(const PlotOptions& args) {
    return run_reporting_errors("report", [&] {
        PlotInputs data;
        load_plot_inputs(args, data);  // throws std::invalid_argument for a bad --axis or --baseline
        const std::optional<CompareReport>& comparison = data.comparison;
        const PlotSet& plots = data.plots;
        HtmlReportInputs in;
        in.results = &data.results;
        in.results_path = args.results;
        in.reader_note = data.note;
        in.comparison = comparison ? &*comparison : nullptr;
        in.plots = &plots;
        if (!args.metrics.empty()) in.tables.metrics = args.metrics;
        in.tables.all_metrics = args.all_metrics;
        in.tables.results_path = args.results;
        if (!comparison) in.comparison_note = "No axis of this file has two or more values: nothing to compare.";
        if (plots.count() > 0) add_plots(in);
        write_file(args.html, render_html_report(in));
        if (!in.plots_error.empty()) fmt::print(stderr, "perfmatrix report: plots left out: {}\n", in.plots_error);
        fmt::print(stderr, "wrote {} ({} plot{} inlined)\n", args.html, in.svg_of.size(),
                   in.svg_of.size() == 1 ? "" : "s");
        return exit_code::ok;
    });
}

}  // namespace perfmatrix
