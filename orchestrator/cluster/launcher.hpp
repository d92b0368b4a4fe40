#pragma once
// Launchers: what starts `perfmatrix run` on every task of an allocation. Kept apart from the
// scheduler (who grants the allocation), as ReFrame does: srun or mpirun under sbatch, or
// mpirun with no scheduler at all.

#include <string>
#include <vector>

namespace perfmatrix {

enum class Launcher { mpirun, srun };

const char* to_string(Launcher l);

// The launcher's own argv, to be followed by the program and its arguments. het_size: the
// number of components of a heterogeneous job (0 or 1: not one). srun --het-group puts the
// tasks of every component into one MPI world (PMIx); mpirun cannot reach the other
// components' nodes (Open MPI's SLURM support sees only the first), so it refuses one.
// Throws std::invalid_argument for that.
std::vector<std::string> launcher_argv(Launcher l, int het_size);

}  // namespace perfmatrix
