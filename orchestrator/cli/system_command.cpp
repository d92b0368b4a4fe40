// `perfmatrix system`: the settings that make numbers unstable, as every rank sees them, with
// warnings. Under mpirun each rank probes its own machine and rank 0 prints them all. It only
// reads /proc and /sys; changing settings is left to the administrator.

#include "measure/model/host_info.hpp"
#include "measure/system/system_judgement.hpp"
#include "measure/system/system_keys.hpp"
#include "orchestrator/cli/command_errors.hpp"
#include "orchestrator/cli/commands.hpp"
#include "orchestrator/run/mpi_session.hpp"
#include "orchestrator/run/own_hello.hpp"
#include "orchestrator/run/protocol.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <exception>

namespace perfmatrix {
namespace {

constexpr int coordinator = 0;

// Rank 0's own state and every other rank's, in rank order.
std::vector<protocol::Hello> gather_states(const MpiSession& mpi) {
    std::vector<protocol::Hello> states{own_hello(mpi)};
    for (int i = 1; i < mpi.size(); ++i)
        states.push_back(protocol::decode_hello(protocol::wait(MPI_ANY_SOURCE, protocol::hello).payload));
    std::sort(states.begin(), states.end(),
              [](const protocol::Hello& a, const protocol::Hello& b) { return a.rank < b.rank; });
    return states;
}

std::string render_rank(const protocol::Hello& h) {
    // Wide enough for the longest name, perf_event_max_sample_rate.
    constexpr std::size_t name_width = 28;
    std::string out = fmt::format("rank {}, node {} ({}): {} CPUs, {}\n", h.rank, h.node, h.host.host, h.host.cores,
                                  h.host.kernel);
    for (const auto& [key, value] : h.host.environment)
        if (key.starts_with(system_key::prefix))
            out += fmt::format("  {:<{}} {}\n", key.substr(system_key::prefix.size()), name_width, value);
    for (const SystemAdvice& a : judge_system_state(h.host.environment))
        out += fmt::format("  {} {}\n", a.severity == SystemSeverity::warning ? "warning:" : "note:   ", a.text);
    return out;
}

std::string render_states(const std::vector<protocol::Hello>& states) {
    std::string out = fmt::format("perfmatrix system: {} rank{} (read only: nothing was changed)\n", states.size(),
                                  states.size() == 1 ? "" : "s");
    for (const protocol::Hello& h : states) out += "\n" + render_rank(h);
    return out;
}

}  // namespace

int system_command(int& argc, char**& argv) {
    return run_reporting_errors("system", [&] {
        MpiSession mpi(argc, argv);
        if (mpi.rank() != coordinator) {
            protocol::send(coordinator, protocol::hello, protocol::encode(own_hello(mpi)));
            return 0;
        }
        fmt::print("{}", render_states(gather_states(mpi)));
        return 0;
    });
}

Subcommand register_system(CLI::App& app, ProcessArgs args) {
    CLI::App* cmd = app.add_subcommand(
        "system",
        "Show the settings that make numbers unstable (CPU governor, turbo, SMT, ASLR, isolated CPUs, "
        "huge pages, load, busy processes, perf sampling) with warnings, per rank under mpirun. "
        "Reads /proc and /sys only: it never changes the machine");
    return {cmd, [args] { return system_command(args.argc, args.argv); }};
}

}  // namespace perfmatrix
