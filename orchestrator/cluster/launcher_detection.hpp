#pragma once
// Which launcher `--launcher auto` picks, from what the allocation looks like.

#include "orchestrator/cluster/launcher.hpp"
#include "orchestrator/cluster/submit_options.hpp"

#include <functional>
#include <string>

namespace perfmatrix {

struct AllocationFacts {
    bool in_allocation = false;  // SLURM_JOB_ID is set
    int het_size = 0;            // SLURM_HET_SIZE; 0 outside a heterogeneous job
    bool srun_has_pmix = false;  // `srun --mpi=list` lists pmix
};

// Reads the facts from the environment (getenv) and, inside an allocation, asks srun.
AllocationFacts probe_allocation(const std::function<const char*(const char*)>& getenv);

// auto: srun --mpi=pmix inside an allocation whose srun has PMIx (it knows the allocation,
// forwards signals, and spans heterogeneous components); mpirun otherwise (outside SLURM, or a
// SLURM without PMIx, where Open MPI still reads the allocation from the environment).
// An explicit choice is kept.
Launcher choose_launcher(LauncherChoice choice, const AllocationFacts& facts);

}  // namespace perfmatrix
