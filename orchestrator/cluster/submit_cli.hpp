#pragma once
// The `perfmatrix submit` subcommand's options, kept out of main.cpp.

#include "orchestrator/cluster/submit_options.hpp"

#include <CLI/CLI.hpp>

#include <string>

namespace perfmatrix {

// Text options parsed into their enums by finish_submit_options (CLI11 checks the spelling).
struct SubmitCliText {
    std::string scheduler = "sbatch";
    std::string launcher = "auto";
};

CLI::App* add_submit_subcommand(CLI::App& app, SubmitOptions& opt, SubmitCliText& text);
void finish_submit_options(SubmitOptions& opt, const SubmitCliText& text);

}  // namespace perfmatrix
