#include "analysis/report/report.hpp"
#include "orchestrator/cli/commands.hpp"
#include "results/results_reader.hpp"

#include <fmt/format.h>

#include <exception>

namespace perfmatrix {

int report_command(const std::string& results_path, const std::vector<std::string>& metrics, bool all_metrics) {
    try {
        std::string note;
        const Results r = read_results(results_path, &note);
        if (!note.empty()) fmt::print(stderr, "{}\n", note);
        ReportOptions opt;
        if (!metrics.empty()) opt.metrics = metrics;
        opt.all_metrics = all_metrics;
        opt.results_path = results_path;
        fmt::print("{}", render_report(r, opt));
        return exit_code::ok;
    } catch (const std::exception& e) {
        fmt::print(stderr, "perfmatrix report: {}\n", e.what());
        return exit_code::failure;
    }
}

}  // namespace perfmatrix
