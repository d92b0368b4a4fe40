#include "orchestrator/executors.hpp"

#include "orchestrator/case_execution.hpp"
#include "orchestrator/signals.hpp"

namespace perfmatrix {

void MpiExecutor::start(int rank, const Case& c) { protocol::send(rank, protocol::assign, protocol::encode(c)); }

std::optional<protocol::Result> MpiExecutor::poll() {
    auto m = protocol::poll(MPI_ANY_SOURCE, protocol::result);
    if (!m) return std::nullopt;
    auto result = protocol::decode_result(m->payload);
    result.rank = m->source;
    return result;
}

void MpiExecutor::cancel(int rank) { protocol::send(rank, protocol::cancel, "{}"); }

void MpiExecutor::stop_all() {
    for (int r = 1; r < world_size_; ++r) protocol::send(r, protocol::stop, "{}");
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
