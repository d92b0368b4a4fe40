#include "orchestrator/cli/commands.hpp"

namespace perfmatrix {

void add_results_file(CLI::App& cmd, std::string& path) {
    cmd.add_option("results", path, "Results file (HDF5)")->required()->check(CLI::ExistingFile);
}

std::vector<Subcommand> register_subcommands(CLI::App& app, ProcessArgs args) {
    return {register_run(app, args),    register_exec(app, args), register_plan(app),        register_prepare(app),
            register_report(app),       register_plot(app),       register_compare(app),     register_tax(app),
            register_export(app),       register_status(app),     register_merge(app),       register_submit(app),
            register_interpreters(app), register_kinds(app),      register_system(app, args)};
}

}  // namespace perfmatrix
