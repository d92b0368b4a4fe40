#include "orchestrator/run/worker_loop.hpp"

#include "orchestrator/run/case_execution.hpp"
#include "orchestrator/run/doorbells.hpp"
#include "orchestrator/run/leader_loop.hpp"
#include "orchestrator/run/mailbox.hpp"
#include "orchestrator/run/own_hello.hpp"
#include "orchestrator/run/protocol.hpp"
#include "orchestrator/run/signals.hpp"
#include "orchestrator/run/topology.hpp"

#include <chrono>
#include <deque>

namespace perfmatrix {

int worker_loop(const MpiSession& mpi) {
    const Topology topology = Topology::agree(mpi, false);  // rank 0 decides
    Doorbells bells = Doorbells::connect(mpi.rank(), mpi.size(), topology);
    if (topology.is_leader(mpi.rank())) return leader_loop(mpi, bells);
    // Rank 0, or this node's leader, which relays to and from rank 0.
    const int coordinator = topology.parent(mpi.rank());
    Mailbox mail(bells, coordinator, false);
    const protocol::Hello hello = own_hello(mpi);
    mail.send(coordinator, protocol::hello, protocol::encode(hello));

    // Messages that arrived while a case ran and were not its cancel: handled next.
    std::deque<protocol::Message> early;
    const auto cancel_requested = [&] {
        if (InterruptGuard::requested()) return true;
        auto m = mail.poll();
        if (!m) return false;
        if (m->tag == protocol::cancel) return true;
        early.push_back(std::move(*m));
        return false;
    };

    std::chrono::steady_clock::time_point signalled_at{};
    for (;;) {
        std::optional<protocol::Message> msg;
        if (!early.empty()) {
            msg = std::move(early.front());
            early.pop_front();
        } else {
            msg = mail.poll();
        }
        if (!msg) {
            if (InterruptGuard::requested()) {
                const auto now = std::chrono::steady_clock::now();
                if (signalled_at == std::chrono::steady_clock::time_point{}) signalled_at = now;
                if (now - signalled_at > orphan_grace) return 1;
            }
            mail.wait(idle_wait);
            continue;
        }
        switch (msg->tag) {
            case protocol::assign: {
                const Case c = protocol::decode_case(msg->payload);
                RunContext ctx;
                ctx.should_stop = cancel_requested;
                // Without a doorbell a cancel comes unannounced: the supervisor asks every 10 ms.
                ctx.wake_fd = mail.rings() ? mail.wake_fd() : -1;
                const auto result = execute_case(c, ctx, hello.host.host);
                mail.send(coordinator, protocol::result, protocol::encode(result));
                break;
            }
            case protocol::stop: return 0;
            default: break;  // a cancel that crossed our result: nothing is running any more
        }
    }
}

}  // namespace perfmatrix
