#include "orchestrator/run/executors.hpp"

#include "orchestrator/run/case_execution.hpp"
#include "orchestrator/run/run_options.hpp"
#include "orchestrator/run/signals.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <chrono>

namespace perfmatrix {

namespace {
// How long cancelled ranks get to answer before MPI_Abort; a cancelled case ends within
// milliseconds (its process group is killed), so this is only reached by a stuck rank.
constexpr auto settle_time = std::chrono::seconds(10);
}  // namespace

void MpiExecutor::start(int rank, const Case& c) {
    mail_.send(rank, protocol::assign, protocol::encode(c));
    busy_.insert(rank);
}

std::optional<protocol::Result> MpiExecutor::poll() {
    auto m = mail_.poll();
    if (!m || m->tag != protocol::result) return std::nullopt;  // workers send nothing else now
    busy_.erase(m->source);
    auto result = protocol::decode_result(m->payload);
    result.rank = m->source;
    return result;
}

std::string MpiExecutor::dispatch_note() const {
    const int without = mail_.peers_without_doorbell();
    if (without == 0) return {};
    return fmt::format(
        "{} of {} worker ranks have no doorbell (PERFMATRIX_DOORBELLS=off, or no TCP connection to rank 0): "
        "their cases are handed out by polling every 1-10 ms, which costs up to ~20 ms a case "
        "(docs/scale.md)",
        without, topology_.children(0).size());
}

std::string MpiExecutor::relay_summary() const {
    if (mail_.relays_received() == 0) return {};
    return fmt::format("; {} relays from node leaders carried {} messages", mail_.relays_received(),
                       mail_.frames_received());
}

void MpiExecutor::cancel(int rank) { mail_.send(rank, protocol::cancel, "{}"); }

void MpiExecutor::settle_busy() {
    if (busy_.empty()) return;
    for (int rank : busy_) cancel(rank);
    const auto deadline = std::chrono::steady_clock::now() + settle_time;
    while (!busy_.empty() && std::chrono::steady_clock::now() < deadline) {
        if (!poll()) wait(std::chrono::milliseconds(100));  // a result is dropped: nobody can record it
    }
}

void MpiExecutor::stop_all() {
    settle_busy();
    // Leaders last: a leader forwards its workers' stops (send() sends a leader's batch before
    // anything addressed to the leader itself) before it reads its own and leaves.
    for (int r = 1; r < topology_.size(); ++r)
        if (!topology_.is_leader(r)) mail_.send(r, protocol::stop, "{}");
    for (int r = 1; r < topology_.size(); ++r)
        if (topology_.is_leader(r)) mail_.send(r, protocol::stop, "{}");
    mail_.finish_sends();
    if (!busy_.empty()) {
        fmt::print(stderr, "perfmatrix run: rank{} {} did not answer a cancel within {} s; aborting every rank\n",
                   busy_.size() == 1 ? "" : "s", fmt::join(busy_, ", "), settle_time.count());
        MPI_Abort(MPI_COMM_WORLD, exit_code::failure);
    }
}

void LocalExecutor::start(int rank, const Case& c) {
    RunContext ctx;
    ctx.should_stop = [] {
        InterruptGuard::drain_wake();
        return InterruptGuard::requested();
    };
    ctx.wake_fd = InterruptGuard::wake_fd();
    done_.push_back(execute_case(c, ctx, host_));
    done_.back().rank = rank;
}

std::optional<protocol::Result> LocalExecutor::poll() {
    if (done_.empty()) return std::nullopt;
    auto r = std::move(done_.front());
    done_.pop_front();
    return r;
}

}  // namespace perfmatrix
