#pragma once
// The plot data as the JSON the drawing script (analysis/plot/perfmatrix_plots.py) reads.
// Layout (format_version 2): {"format_version", "plots": [{"type": "summary" | "heatmap" |
// "forest" | "distribution" | "timeline" | "throughput" | "imports" | "tax", "file": stem,
// "id_prefix" (svg_id_prefix), "title", ...the fields of that plot's struct}]}.
// Values that do not exist (an empty heatmap cell, a module a case did not import) are null.

#include "analysis/plot/plot_data.hpp"

#include <string>

namespace perfmatrix {

std::string plot_set_json(const PlotSet& plots);

}  // namespace perfmatrix
