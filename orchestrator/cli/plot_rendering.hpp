#pragma once
// Drawing the plots: the data (analysis/plot/plot_data.hpp) as JSON to the matplotlib script
// shipped in the repository, run with an argv array.
//
// Where the script is: $PERFMATRIX_PLOTS_SCRIPT (a path to perfmatrix_plots.py) when set, else
// where measure/resource_paths.hpp says: <build>/analysis/plot/, where the build copies it, or
// <prefix>/share/perfmatrix/plot/ in an installation.
// Which Python runs it: $PERFMATRIX_PLOTS_PYTHON when set, else /usr/bin/python3 (the system
// interpreter, which is what Debian's python3-matplotlib installs into; a pyenv or venv
// python3 first on PATH usually lacks matplotlib), else python3 from PATH.

#include "analysis/plot/plot_data.hpp"

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace perfmatrix {

enum class PlotFormat { png, svg, both };

// The plots could not be drawn; what() says why and what to do (e.g. install matplotlib).
struct PlotError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// "png", "svg", "both"; nothing for anything else.
std::optional<PlotFormat> parse_plot_format(const std::string& text);

// Writes every plot of `plots` into out_dir (created if missing) and returns the files
// written, in plot order. Throws PlotError when the script is missing, matplotlib is not
// installed, or a file it should have written is absent.
std::vector<std::filesystem::path> draw_plots(const PlotSet& plots, const std::filesystem::path& out_dir,
                                              PlotFormat format);

}  // namespace perfmatrix
