// perfmatrix: plan, run and report benchmark matrices. Each subcommand registers itself
// (orchestrator/cli/<name>_command.cpp); main parses and runs the one given.

#include "orchestrator/cli/commands.hpp"
#include "orchestrator/job/settings.hpp"
#include "orchestrator/version.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

int main(int argc, char** argv) {
    using namespace perfmatrix;
    CLI::App app{"perfmatrix: how fast is this runtime, library or machine, really?"};
    app.set_version_flag("--version", fmt::format("perfmatrix {} ({})", tool_version, git_describe));
    app.require_subcommand(1);
    // Bad input is one line naming the option and what it expected (no "Run with --help" after it).
    app.failure_message([](const CLI::App*, const CLI::Error& e) { return fmt::format("perfmatrix: {}\n", e.what()); });
    const std::vector<Subcommand> subcommands = register_subcommands(app, ProcessArgs{argc, argv});

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int rc = app.exit(e);
        return rc == 0 ? 0 : exit_code::bad_input;
    }
    for (const Subcommand& s : subcommands)
        if (*s.app) return s.run();
    return exit_code::bad_input;  // unreachable: require_subcommand(1)
}
