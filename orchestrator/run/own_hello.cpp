#include "orchestrator/run/own_hello.hpp"

#include "measure/host_probe.hpp"
#include "measure/model/host_info.hpp"

namespace perfmatrix {

protocol::Hello own_hello(const MpiSession& mpi) {
    protocol::Hello hello;
    hello.rank = mpi.rank();
    hello.node = mpi.node();
    hello.host = probe_host();
    hello.host.host = mpi.node_name();  // the launcher's node name where it has one
    hello.capabilities = capabilities(hello.host);
    return hello;
}

}  // namespace perfmatrix
