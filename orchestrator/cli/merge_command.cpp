// `perfmatrix merge A.h5 B.h5 ... -o ALL.h5`: the shares of a job array (or runs of one job) in
// one file that `report` and `compare` read like any other.

#include "orchestrator/cli/command_errors.hpp"
#include "orchestrator/cli/commands.hpp"
#include "results/results_merge.hpp"

#include <fmt/format.h>

#include <exception>
#include <filesystem>

namespace perfmatrix {

int merge_command(const MergeOptions& opt) {
    const std::vector<std::string>& inputs = opt.inputs;
    const std::string& output = opt.output;
    const bool overwrite = opt.overwrite;
    namespace fs = std::filesystem;
    if (fs::exists(output)) {
        if (!overwrite) {
            fmt::print(stderr, "perfmatrix merge: {}: already exists; use --overwrite to replace it\n", output);
            return exit_code::bad_input;
        }
        for (const auto& in : inputs)
            if (fs::equivalent(in, output)) {
                fmt::print(stderr, "perfmatrix merge: {}: is also an input; write the merge to another file\n", output);
                return exit_code::bad_input;
            }
        fs::remove(output);
    }
    return run_reporting_errors("merge", [&] {
        const MergeSummary s = merge_results({inputs.begin(), inputs.end()}, output);
        if (!s.note.empty()) fmt::print(stderr, "{}\n", s.note);
        fmt::print(stderr, "merged {} file{} into {}: {} cases, {} invocations{}\n", inputs.size(),
                   inputs.size() == 1 ? "" : "s", output, s.cases, s.invocations,
                   s.duplicates ? fmt::format(" ({} identical repeats kept once)", s.duplicates) : "");
        return exit_code::ok;
    });
}

Subcommand register_merge(CLI::App& app) {
    auto opt = std::make_shared<MergeOptions>();
    CLI::App* cmd = app.add_subcommand("merge",
                                       "Combine results files of the same job (e.g. job-array shares) into one");
    cmd->add_option("results", opt->inputs, "Results files (HDF5) of one job")->required()->check(CLI::ExistingFile);
    cmd->add_option("-o,--output", opt->output, "The merged results file")->required();
    cmd->add_flag("--overwrite", opt->overwrite, "Replace an existing output file");
    return {cmd, [opt] { return merge_command(*opt); }};
}

}  // namespace perfmatrix
