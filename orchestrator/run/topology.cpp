#include "orchestrator/run/topology.hpp"

#include <mpi.h>

#include <algorithm>
#include <map>

namespace perfmatrix {

Topology Topology::plan(const std::vector<int>& node_of_rank, bool leaders) {
    Topology t;
    const std::size_t n = std::max<std::size_t>(1, node_of_rank.size());
    t.parent_.assign(n, 0);
    t.parent_[0] = -1;
    t.leader_.assign(n, 0);
    if (!leaders) return t;
    std::map<int, std::vector<int>> ranks_of_node;  // in rank order
    for (std::size_t r = 1; r < node_of_rank.size(); ++r) ranks_of_node[node_of_rank[r]].push_back(static_cast<int>(r));
    for (const auto& [node, ranks] : ranks_of_node) {
        // Rank 0 serves its own node; a leader needs a worker to serve.
        if (node == node_of_rank[0] || ranks.size() < 2) continue;
        const int leader = ranks.front();
        t.leader_[static_cast<std::size_t>(leader)] = 1;
        for (std::size_t i = 1; i < ranks.size(); ++i) t.parent_[static_cast<std::size_t>(ranks[i])] = leader;
    }
    return t;
}

Topology Topology::agree(const MpiSession& mpi, bool leaders) {
    int wanted = leaders ? 1 : 0;
    MPI_Bcast(&wanted, 1, MPI_INT, 0, MPI_COMM_WORLD);
    std::vector<int> nodes(static_cast<std::size_t>(mpi.size()));
    int mine = mpi.node();
    MPI_Allgather(&mine, 1, MPI_INT, nodes.data(), 1, MPI_INT, MPI_COMM_WORLD);
    return plan(nodes, wanted != 0);
}

std::vector<int> Topology::children(int rank) const {
    std::vector<int> kids;
    for (int r = 1; r < size(); ++r)
        if (parent(r) == rank) kids.push_back(r);
    return kids;
}

int Topology::hop(int dest) const {
    const int p = parent(dest);
    return p > 0 ? p : dest;
}

int Topology::leaders() const { return static_cast<int>(std::count(leader_.begin(), leader_.end(), 1)); }

}  // namespace perfmatrix
