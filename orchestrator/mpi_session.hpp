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

private:
    int rank_ = 0;
    int size_ = 1;
    int node_ = 0;
};

// Builds the RAII session's node numbering; exposed for tests and for clarity.
int number_nodes(MPI_Comm world);

}  // namespace perfmatrix
