// A worker rank that answers every `assign` at once, for bench/rank0_capacity.sh: rank 0 is the
// real `perfmatrix run`, and these ranks (launched beside it, MPMD) flood it with results at the
// rate it can take them. It speaks the real protocol (orchestrator/run/protocol.hpp): hello,
// then for each assign a decoded case and an `ok` result with a few fabricated samples (the
// metrics of a spawn case, one per repetition), until `stop`. Nothing is measured.
//
//   mpirun -np 1 perfmatrix run job.toml -o f.h5 : -np 8 build/bench/flood_worker
//
// With `perfmatrix run --leaders` and emulated nodes (mpirun -x PERFMATRIX_NODE=... per app
// context), the first rank of each other node runs the real leader loop and relays for the rest.
//
// FLOOD_CASE_MS=d makes each case last d milliseconds (a sleep: no CPU), to check the scale model
// of docs/scale.md with many oversubscribed ranks on few cores.
//
// Waiting: as a real worker, it sleeps on its doorbell (orchestrator/run/doorbells.hpp) until rank
// 0 rings it; MPI's blocking receive would spin a core that rank 0 needs on a small machine.

#include "orchestrator/run/case_execution.hpp"
#include "orchestrator/run/doorbells.hpp"
#include "orchestrator/run/leader_loop.hpp"
#include "orchestrator/run/mailbox.hpp"
#include "orchestrator/run/mpi_session.hpp"
#include "orchestrator/run/own_hello.hpp"
#include "orchestrator/run/protocol.hpp"
#include "orchestrator/run/signals.hpp"
#include "orchestrator/run/topology.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <exception>
#include <string>
#include <thread>

namespace {

using namespace perfmatrix;

// What a spawn case of `c.settings.repetitions` measured repetitions would send back.
protocol::Result fabricated_result(const Case& c, const std::string& host) {
    protocol::Result r;
    r.case_id = c.id;
    r.host = host;
    r.started = unix_now();
    for (int rep = 0; rep < std::max(1, c.settings.repetitions); ++rep) {
        r.outcome.samples.push_back({"wall_time", "s", rep, false, 0.0005 + 1e-6 * rep});
        r.outcome.samples.push_back({"user_time", "s", rep, false, 0.0002});
        r.outcome.samples.push_back({"sys_time", "s", rep, false, 0.0003});
        r.outcome.samples.push_back({"max_rss", "bytes", rep, false, 1.5e6});
    }
    r.ended = unix_now();
    return r;
}

std::chrono::microseconds case_duration() {
    const char* v = std::getenv("FLOOD_CASE_MS");
    return std::chrono::microseconds(v ? static_cast<long>(std::atof(v) * 1000) : 0);
}

int flood(const MpiSession& mpi) {
    const auto duration = case_duration();
    const Topology topology = Topology::agree(mpi, false);  // rank 0's --leaders decides
    Doorbells bells = Doorbells::connect(mpi.rank(), mpi.size(), topology);
    // The first rank of an emulated node (PERFMATRIX_NODE) is its leader under --leaders: the
    // real one.
    if (topology.is_leader(mpi.rank())) return leader_loop(mpi, bells);
    const int coordinator = topology.parent(mpi.rank());
    Mailbox mail(bells, coordinator, false);
    const protocol::Hello hello = own_hello(mpi);
    mail.send(coordinator, protocol::hello, protocol::encode(hello));
    for (;;) {
        auto msg = mail.poll();
        if (!msg) {
            mail.wait(idle_wait);
            continue;
        }
        switch (msg->tag) {
            case protocol::assign: {
                const Case c = protocol::decode_case(msg->payload);
                if (duration.count() > 0) std::this_thread::sleep_for(duration);
                mail.send(coordinator, protocol::result, protocol::encode(fabricated_result(c, hello.host.host)));
                break;
            }
            case protocol::stop: return 0;
            default: break;  // a cancel: nothing runs here for long enough to cancel
        }
    }
}

}  // namespace

int main(int argc, char** argv) {
    try {
        block_warning_signal();
        MpiSession mpi(argc, argv);
        InterruptGuard interrupts;
        return flood(mpi);
    } catch (const std::exception& e) {
        fmt::print(stderr, "flood_worker: {}\n", e.what());
        return 1;
    }
}
