// `perfmatrix submit`: its options and the submission itself live in orchestrator/cluster/;
// this registers them with the CLI.

#include "orchestrator/cluster/submit_command.hpp"
#include "orchestrator/cli/command_errors.hpp"
#include "orchestrator/cli/commands.hpp"
#include "orchestrator/cluster/submit_cli.hpp"

#include <memory>

namespace perfmatrix {

Subcommand register_submit(CLI::App& app) {
    struct SubmitCli {
        SubmitOptions options;
        SubmitCliText text;
    };
    auto cli = std::make_shared<SubmitCli>();
    CLI::App* cmd = add_submit_subcommand(app, cli->options, cli->text);
    return {cmd, [cli] {
                finish_submit_options(cli->options, cli->text);
                return run_reporting_errors("submit", [&] { return submit_command(cli->options); });
            }};
}

}  // namespace perfmatrix
