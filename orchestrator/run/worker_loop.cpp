#include "orchestrator/run/worker_loop.hpp"

#include "orchestrator/run/case_execution.hpp"
#include "orchestrator/run/idle_nap.hpp"
#include "orchestrator/run/own_hello.hpp"
#include "orchestrator/run/protocol.hpp"
#include "orchestrator/run/signals.hpp"

#include <chrono>

namespace perfmatrix {
namespace {

constexpr int coordinator = 0;

// A worker told to stop by a signal waits this long for rank 0's `stop` before leaving on
// its own (rank 0 may be gone).
constexpr auto orphan_grace = std::chrono::seconds(10);

bool cancel_requested() {
    if (InterruptGuard::requested()) return true;
    return protocol::poll(coordinator, protocol::cancel).has_value();
}

}  // namespace

int worker_loop(const MpiSession& mpi) {
    const protocol::Hello hello = own_hello(mpi);
    protocol::send(coordinator, protocol::hello, protocol::encode(hello));

    IdleNap nap;  // idle without spinning a core other ranks measure on
    std::chrono::steady_clock::time_point signalled_at{};
    for (;;) {
        auto msg = protocol::poll(coordinator, MPI_ANY_TAG);
        if (!msg) {
            if (InterruptGuard::requested()) {
                const auto now = std::chrono::steady_clock::now();
                if (signalled_at == std::chrono::steady_clock::time_point{}) signalled_at = now;
                if (now - signalled_at > orphan_grace) return 1;
            }
            nap();
            continue;
        }
        nap.reset();
        switch (msg->tag) {
            case protocol::assign: {
                const Case c = protocol::decode_case(msg->payload);
                RunContext ctx;
                ctx.should_stop = cancel_requested;
                const auto result = execute_case(c, ctx, hello.host.host);
                protocol::send(coordinator, protocol::result, protocol::encode(result));
                break;
            }
            case protocol::stop: return 0;
            default: break;  // a cancel that crossed our result: nothing is running any more
        }
    }
}

}  // namespace perfmatrix
