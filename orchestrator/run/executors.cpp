#include "orchestrator/run/executors.hpp"

#include "orchestrator/run/case_execution.hpp"
#include "orchestrator/run/idle_nap.hpp"
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
    protocol::send(rank, protocol::assign, protocol::encode(c));
    busy_.insert(rank);
}

std::optional<protocol::Result> MpiExecutor::poll() {
    auto m = protocol::poll(MPI_ANY_SOURCE, protocol::result);
    if (!m) return std::nullopt;
    busy_.erase(m->source);
    auto result = protocol::decode_result(m->payload);
    result.rank = m->source;
    return result;
}

void MpiExecutor::cancel(int rank) { protocol::send(rank, protocol::cancel, "{}"); }

void MpiExecutor::settle_busy() {
    if (busy_.empty()) return;
    for (int rank : busy_) cancel(rank);
    const auto deadline = std::chrono::steady_clock::now() + settle_time;
    IdleNap nap;
    while (!busy_.empty() && std::chrono::steady_clock::now() < deadline) {
        if (poll())
            nap.reset();  // dropped: whoever started the case can no longer record it
        else
            nap();
    }
}

void MpiExecutor::stop_all() {
    settle_busy();
    for (int r = 1; r < world_size_; ++r) protocol::send(r, protocol::stop, "{}");
    if (!busy_.empty()) {
        fmt::print(stderr, "perfmatrix run: rank{} {} did not answer a cancel within {} s; aborting every rank\n",
                   busy_.size() == 1 ? "" : "s", fmt::join(busy_, ", "), settle_time.count());
        MPI_Abort(MPI_COMM_WORLD, exit_code::failure);
    }
}

void LocalExecutor::start(int rank, const Case& c) {
    RunContext ctx;
    ctx.should_stop = [] { return InterruptGuard::requested(); };
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
