#include "orchestrator/run/leader_loop.hpp"

#include "orchestrator/run/mailbox.hpp"
#include "orchestrator/run/own_hello.hpp"
#include "orchestrator/run/protocol.hpp"
#include "orchestrator/run/signals.hpp"

#include <chrono>
#include <vector>

namespace perfmatrix {
namespace {

constexpr int coordinator = 0;

}  // namespace

int leader_loop(const MpiSession& mpi, Doorbells& bells) {
    Mailbox mail(bells, MPI_ANY_SOURCE, false);
    // Rank 0 counts a hello from every rank; its topology keeps leaders out of the workers.
    mail.send(coordinator, protocol::hello, protocol::encode(own_hello(mpi)));

    std::vector<protocol::Frame> up;  // this pass's messages from the node's ranks
    auto last_heard = std::chrono::steady_clock::now();
    for (;;) {
        bool stop = false;
        while (auto m = mail.poll()) {
            last_heard = std::chrono::steady_clock::now();
            if (m->relayed)  // from rank 0, for one of ours
                mail.send(m->source, m->tag, m->payload);
            else if (m->source == coordinator)
                stop = stop || m->tag == protocol::stop;  // for us: rank 0 sends us nothing else
            else
                up.push_back({m->source, m->tag, std::move(m->payload)});
        }
        if (!up.empty()) {
            mail.relay(coordinator, up);
            up.clear();
        }
        if (stop) {
            mail.finish_sends();
            return 0;
        }
        if (InterruptGuard::requested() && std::chrono::steady_clock::now() - last_heard > orphan_grace) return 1;
        mail.wait(idle_wait);
    }
}

}  // namespace perfmatrix
