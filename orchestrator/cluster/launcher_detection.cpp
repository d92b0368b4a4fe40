#include "orchestrator/cluster/launcher_detection.hpp"

#include "orchestrator/helpers/helper_command.hpp"

#include <algorithm>
#include <cstdlib>
#include <string_view>

namespace perfmatrix {
namespace {

int het_size_of(const char* value) {
    if (!value) return 0;
    const int n = std::atoi(value);
    return n > 0 ? n : 0;
}

// `srun --mpi=list` prints the MPI plugin types, e.g. "MPI plugin types are...\n\tnone\n\tpmix".
bool srun_lists_pmix() {
    HelperCommand cmd;
    cmd.argv = {"srun", "--mpi=list"};
    cmd.timeout = 30;
    cmd.merge_stderr = true;  // the list may come on either stream, as srun logs it
    bool pmix = false;
    cmd.on_line = [&](std::string_view line) {
        if (line.find("pmix") != std::string_view::npos) pmix = true;
    };
    const auto run = run_helper(cmd);
    return run.ok() && pmix;
}

}  // namespace

AllocationFacts probe_allocation(const std::function<const char*(const char*)>& getenv) {
    AllocationFacts f;
    f.in_allocation = getenv("SLURM_JOB_ID") != nullptr;
    f.het_size = het_size_of(getenv("SLURM_HET_SIZE"));
    if (f.in_allocation) f.srun_has_pmix = srun_lists_pmix();
    return f;
}

Launcher choose_launcher(LauncherChoice choice, const AllocationFacts& facts) {
    if (choice == LauncherChoice::mpirun) return Launcher::mpirun;
    if (choice == LauncherChoice::srun) return Launcher::srun;
    return facts.in_allocation && facts.srun_has_pmix ? Launcher::srun : Launcher::mpirun;
}

}  // namespace perfmatrix
