#pragma once
// Which node a rank is on, by name, when the launcher knows it. Several emulated SLURM nodes
// can share one host (and one shared-memory domain): grouping ranks by shared memory would put
// them all on "node 0" and the placement rules (exclusive cases run alone on their node) would
// follow the host, not the allocation. The launcher's name is the allocation's truth.

#include <functional>
#include <string>
#include <vector>

namespace perfmatrix {

// PERFMATRIX_NODE (set by whoever launches, e.g. `mpirun -x PERFMATRIX_NODE=...` per app
// context), else SLURMD_NODENAME (set by slurmd for every task, inherited through mpirun's
// daemons); empty when neither is set.
std::string launcher_node_name(const std::function<const char*(const char*)>& getenv);

// Node numbers for per-rank names: equal names share a number, numbered in order of first
// appearance, so rank 0's node is node 0.
std::vector<int> number_node_names(const std::vector<std::string>& names);

}  // namespace perfmatrix
