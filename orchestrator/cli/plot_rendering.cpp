#include "orchestrator/cli/plot_rendering.hpp"

#include "analysis/plot/plot_json.hpp"
#include "analysis/text/text.hpp"
#include "measure/resource_paths.hpp"
#include "orchestrator/helpers/helper_command.hpp"

#include <fmt/format.h>

#include <unistd.h>

#include <cstdlib>
#include <exception>
#include <fstream>
#include <system_error>

namespace perfmatrix {

namespace {

constexpr const char* kScriptVariable = resource_variable(Resource::plot_script);
constexpr const char* kPythonVariable = "PERFMATRIX_PLOTS_PYTHON";
constexpr int kMissingMatplotlib = 3;  // the script's exit code for it
constexpr double kDrawTimeout = 600;   // seconds; hundreds of plots take well under a minute

std::string find_script() {
    ResourceLocation where;
    try {
        where = locate(Resource::plot_script);
    } catch (const std::exception& e) {
        throw PlotError(fmt::format("{}; set {}", e.what(), kScriptVariable));
    }
    const std::string path = where.path.string();
    if (::access(path.c_str(), R_OK) == 0) return path;
    if (where.from_variable) throw PlotError(fmt::format("{}={} is not a readable file", kScriptVariable, path));
    throw PlotError(fmt::format("plot script not found at {} (from {}); set {} to the path of perfmatrix_plots.py",
                                path, where.origin, kScriptVariable));
}

std::string find_python() {
    if (const char* path = std::getenv(kPythonVariable); path && *path) return path;
    if (::access("/usr/bin/python3", X_OK) == 0) return "/usr/bin/python3";
    return "python3";
}

void write_file(const std::filesystem::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) throw PlotError(fmt::format("cannot write {}", path.string()));
}

std::vector<std::string> extensions(PlotFormat f) {
    if (f == PlotFormat::both) return {"png", "svg"};
    return {f == PlotFormat::png ? "png" : "svg"};
}

const char* format_name(PlotFormat f) { return f == PlotFormat::both ? "both" : f == PlotFormat::png ? "png" : "svg"; }

void check_ending(const HelperRun& r, const std::string& python) {
    const std::string err = flatten_lines(r.stderr_tail);
    switch (r.end) {
        case HelperRun::End::exited:
            if (r.exit_code == 0) return;
            if (r.exit_code == kMissingMatplotlib) throw PlotError(err);  // names the package and the fix
            throw PlotError(fmt::format("the plot script failed (exit code {}): {}", r.exit_code, err));
        case HelperRun::End::spawn_failed:
            throw PlotError(fmt::format("cannot run {} for the plots: {}; set {} to a Python 3 with matplotlib", python,
                                        r.spawn_error.empty() ? "unknown error" : r.spawn_error, kPythonVariable));
        case HelperRun::End::timed_out:
            throw PlotError(fmt::format("the plot script ran past {:.0f} s and was stopped", kDrawTimeout));
        default: throw PlotError(fmt::format("the plot script was killed by signal {}: {}", r.signal, err));
    }
}

}  // namespace

std::optional<PlotFormat> parse_plot_format(const std::string& text) {
    if (text == "png") return PlotFormat::png;
    if (text == "svg") return PlotFormat::svg;
    if (text == "both") return PlotFormat::both;
    return std::nullopt;
}

std::vector<std::filesystem::path> draw_plots(const PlotSet& plots, const std::filesystem::path& out_dir,
                                              PlotFormat format) {
    std::error_code ec;
    std::filesystem::create_directories(out_dir, ec);
    if (ec) throw PlotError(fmt::format("cannot create {}: {}", out_dir.string(), ec.message()));
    const std::string script = find_script();
    const std::string python = find_python();
    const auto data = out_dir / ".perfmatrix-plot-data.json";
    write_file(data, plot_set_json(plots));
    HelperCommand command;
    command.argv = {python, script, data.string(), out_dir.string(), "--format", format_name(format)};
    command.timeout = kDrawTimeout;
    command.keep_lines = 0;
    command.keep_bytes = 8192;
    const HelperRun result = run_helper(command);
    std::filesystem::remove(data, ec);  // only the drawing's input; the plots stay
    check_ending(result, python);
    std::vector<std::filesystem::path> written;
    auto expect = [&](const std::string& stem) {
        for (const std::string& ext : extensions(format)) {
            const auto path = out_dir / (stem + "." + ext);
            if (!std::filesystem::is_regular_file(path))
                throw PlotError(fmt::format("the plot script exited 0 but did not write {}", path.string()));
            written.push_back(path);
        }
    };
    for (const std::string& stem : plots.files()) expect(stem);
    return written;
}

}  // namespace perfmatrix
