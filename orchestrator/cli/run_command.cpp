#include "orchestrator/cli/commands.hpp"
#include "orchestrator/run/coordinator.hpp"
#include "orchestrator/run/mpi_session.hpp"
#include "orchestrator/run/signals.hpp"
#include "orchestrator/run/worker_loop.hpp"

#include <fmt/format.h>

#include <exception>

namespace perfmatrix {

int run_command(const RunOptions& opt, int& argc, char**& argv) {
    try {
        block_warning_signal();  // before MPI_Init: its threads inherit the mask
        MpiSession mpi(argc, argv);
        InterruptGuard interrupts;  // after MPI_Init: MPI may install handlers of its own
        return mpi.rank() == 0 ? coordinate(mpi, opt) : worker_loop(mpi);
    } catch (const std::exception& e) {
        fmt::print(stderr, "perfmatrix run: {}\n", e.what());
        return exit_code::failure;
    }
}

}  // namespace perfmatrix
