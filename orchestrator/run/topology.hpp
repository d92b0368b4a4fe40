#pragma once
// Who talks to whom in a run. By default rank 0 serves every worker rank itself. With
// `--leaders`, each node other than rank 0's that has two ranks or more gets a leader: its
// lowest rank, which measures nothing and relays between rank 0 and the node's other ranks,
// so rank 0 handles one message per batch of that node's messages (leader_loop.hpp,
// docs/scale.md). Ranks on rank 0's node, and a rank alone on its node, talk to rank 0.

#include "orchestrator/run/mpi_session.hpp"

#include <vector>

namespace perfmatrix {

class Topology {
public:
    Topology() = default;  // one rank
    // From each rank's node number (MpiSession::node) and whether leaders were asked for.
    static Topology plan(const std::vector<int>& node_of_rank, bool leaders);
    // Collective over MPI_COMM_WORLD: rank 0's `leaders` decides (workers pass anything), so
    // every rank plans the same topology.
    static Topology agree(const MpiSession& mpi, bool leaders);

    int size() const { return static_cast<int>(parent_.size()); }
    // The rank `rank` sends to: 0 or its node's leader; -1 for rank 0.
    int parent(int rank) const { return parent_.at(static_cast<std::size_t>(rank)); }
    bool is_leader(int rank) const { return leader_.at(static_cast<std::size_t>(rank)) != 0; }
    // The ranks whose parent is `rank`.
    std::vector<int> children(int rank) const;
    // Where rank 0 sends a message for `dest`: its leader, or `dest` itself.
    int hop(int dest) const;
    int leaders() const;

private:
    std::vector<int> parent_{-1};
    std::vector<char> leader_{0};
};

}  // namespace perfmatrix
