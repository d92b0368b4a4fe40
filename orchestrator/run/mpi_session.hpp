#pragma once
// RAII for MPI: initialised once per process, finalised when the session ends.

#include <mpi.h>

#include <string>

namespace perfmatrix {

class MpiSession {
public:
    MpiSession(int& argc, char**& argv);
    ~MpiSession();
    MpiSession(const MpiSession&) = delete;
    MpiSession& operator=(const MpiSession&) = delete;

    int rank() const { return rank_; }
    int size() const { return size_; }
    // Ranks that share a machine get the same node number (0, 1, ...), from
    // MPI_Comm_split_type(MPI_COMM_TYPE_SHARED): co-located ranks disturb each other.
    int node() const { return node_; }
    // The node's name: the launcher's (SLURM's node name, orchestrator/cluster/node_identity.hpp)
    // when every rank has one, and node numbers then follow names, so ranks on emulated nodes
    // sharing one host still count as on different nodes; otherwise the host name.
    const std::string& node_name() const { return node_name_; }

private:
    int rank_ = 0;
    int size_ = 1;
    int node_ = 0;
    std::string node_name_;
};

// Builds the RAII session's node numbering; exposed for tests and for clarity.
int number_nodes(MPI_Comm world);
// Node numbers by name: equal names share a number (rank 0's is 0). Collective over `world`.
int number_nodes_by_name(MPI_Comm world, const std::string& name);

}  // namespace perfmatrix
