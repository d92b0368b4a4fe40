#include "orchestrator/mpi_session.hpp"

#include <stdexcept>

namespace perfmatrix {

MpiSession::MpiSession(int& argc, char**& argv) {
    // FUNNELED: only the main thread calls MPI (cases are measured in child processes, and
    // cancellation is polled from the main thread while it supervises them).
    int provided = 0;
    if (MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided) != MPI_SUCCESS)
        throw std::runtime_error("MPI_Init_thread failed");
    if (provided < MPI_THREAD_FUNNELED) {
        MPI_Finalize();
        throw std::runtime_error("this MPI library does not provide MPI_THREAD_FUNNELED");
    }
    MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
    MPI_Comm_size(MPI_COMM_WORLD, &size_);
    node_ = number_nodes(MPI_COMM_WORLD);
}

MpiSession::~MpiSession() { MPI_Finalize(); }

int number_nodes(MPI_Comm world) {
    int world_rank = 0;
    MPI_Comm_rank(world, &world_rank);
    MPI_Comm node_comm = MPI_COMM_NULL;
    MPI_Comm_split_type(world, MPI_COMM_TYPE_SHARED, world_rank, MPI_INFO_NULL, &node_comm);
    int node_rank = 0;
    MPI_Comm_rank(node_comm, &node_rank);

    // Number the nodes by splitting off one leader per node; leaders are ordered by world
    // rank, so rank 0's node is node 0.
    MPI_Comm leaders = MPI_COMM_NULL;
    MPI_Comm_split(world, node_rank == 0 ? 0 : MPI_UNDEFINED, world_rank, &leaders);
    int node = 0;
    if (leaders != MPI_COMM_NULL) {
        MPI_Comm_rank(leaders, &node);
        MPI_Comm_free(&leaders);
    }
    MPI_Bcast(&node, 1, MPI_INT, 0, node_comm);
    MPI_Comm_free(&node_comm);
    return node;
}

}  // namespace perfmatrix
