#include "orchestrator/run/mpi_session.hpp"

#include "measure/system/host_name.hpp"
#include "orchestrator/cluster/node_identity.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <stdexcept>
#include <vector>

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
    node_name_ = launcher_node_name([](const char* var) { return std::getenv(var); });
    // Names only count when every rank has one: a mix would number the same machine twice.
    int named = node_name_.empty() ? 0 : 1;
    MPI_Allreduce(MPI_IN_PLACE, &named, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD);
    if (named) {
        node_ = number_nodes_by_name(MPI_COMM_WORLD, node_name_);
    } else {
        node_ = number_nodes(MPI_COMM_WORLD);
        node_name_ = host_name();
    }
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

namespace perfmatrix {

int number_nodes_by_name(MPI_Comm world, const std::string& name) {
    int size = 0, rank = 0;
    MPI_Comm_size(world, &size);
    MPI_Comm_rank(world, &rank);
    // Fixed-width slots: node names are short (a host name is at most 255 bytes).
    constexpr int width = 256;
    std::vector<char> mine(width, '\0');
    std::copy_n(name.begin(), std::min<std::size_t>(name.size(), width - 1), mine.begin());
    std::vector<char> all(static_cast<std::size_t>(width) * static_cast<std::size_t>(size));
    MPI_Allgather(mine.data(), width, MPI_CHAR, all.data(), width, MPI_CHAR, world);
    std::vector<std::string> names;
    for (int r = 0; r < size; ++r) names.emplace_back(all.data() + static_cast<std::ptrdiff_t>(r) * width);
    return number_node_names(names)[static_cast<std::size_t>(rank)];
}

}  // namespace perfmatrix
