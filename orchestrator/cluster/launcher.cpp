#include "orchestrator/cluster/launcher.hpp"

#include <fmt/format.h>

#include <stdexcept>

namespace perfmatrix {

const char* to_string(Launcher l) { return l == Launcher::srun ? "srun" : "mpirun"; }

std::vector<std::string> launcher_argv(Launcher l, int het_size) {
    if (l == Launcher::srun) {
        // pmix: Open MPI here is built without SLURM's PMI-1/PMI-2, so only PMIx works.
        std::vector<std::string> argv{"srun", "--mpi=pmix"};
        if (het_size > 1) argv.push_back(fmt::format("--het-group=0-{}", het_size - 1));
        return argv;
    }
    if (het_size > 1)
        throw std::invalid_argument(
            fmt::format("--launcher mpirun: this is a heterogeneous job ({} components) and mpirun sees only the "
                        "first component's nodes; use --launcher srun (or auto)",
                        het_size));
    return {"mpirun"};
}

}  // namespace perfmatrix
