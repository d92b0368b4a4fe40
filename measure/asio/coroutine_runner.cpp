// Boost 1.74's awaitable.hpp uses std::exchange without including <utility>; include it first.
#include <utility>

#include "measure/asio/coroutine_runner.hpp"

#include "measure/asio/batch_loop.hpp"
#include "measure/asio/batch_metrics.hpp"
#include "measure/params_runner.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <fmt/format.h>

#include <exception>
#include <variant>

// GCC 12 with -std=c++20 has <coroutine>; Boost 1.74 then enables co_await by itself.
#ifndef BOOST_ASIO_HAS_CO_AWAIT
#error "asio_coroutine needs Boost.Asio with C++20 coroutine support (BOOST_ASIO_HAS_CO_AWAIT)"
#endif

namespace perfmatrix::asio_bench {
namespace {

namespace asio = boost::asio;
using clock = std::chrono::steady_clock;

// Inner loops ask the deadline this often: rarely enough not to weigh on a ~100 ns switch.
constexpr std::uint64_t kCheckEvery = 4096;

struct BatchState {
    std::uint64_t switches = 0;  // target
    SwitchTally tally;
    int turn = 0;  // ping_pong: whose turn (0 or 1)
    const SampleDeadline* deadline = nullptr;
    std::optional<SampleResult> failure;

    // True when the batch must stop (failure recorded).
    bool must_stop(std::uint64_t step) {
        if (failure) return true;
        if (step % kCheckEvery != 0) return false;
        failure = deadline->expired();
        return failure.has_value();
    }
};

// One side of the ping-pong: each resumption checks it is its turn and hands the turn over.
// Both sides run on one thread and the io_context queue is FIFO, so they alternate.
asio::awaitable<void> ping_pong_side(BatchState& s, int side, std::uint64_t steps) {
    for (std::uint64_t i = 0; i < steps; ++i) {
        if (s.must_stop(i)) co_return;
        co_await asio::post(asio::use_awaitable);
        if (s.turn != side) ++s.tally.out_of_turn;
        s.turn = 1 - side;
        ++s.tally.switches;
    }
}

asio::awaitable<std::uint64_t> ready_value(std::uint64_t v) { co_return v; }

asio::awaitable<void> ready_loop(BatchState& s) {
    for (std::uint64_t i = 0; i < s.switches; ++i) {
        if (s.must_stop(i)) co_return;
        s.tally.value_sum += co_await ready_value(i);
        ++s.tally.switches;
    }
}

class CoroutineBench {
public:
    explicit CoroutineBench(CoroutineMode mode) : mode_(mode) {}

    SampleResult batch(std::uint64_t switches, const SampleDeadline& deadline) {
        if (mode_ == CoroutineMode::ping_pong) switches += switches % 2;  // two equal sides
        BatchState s;
        s.switches = switches;
        s.deadline = &deadline;
        std::exception_ptr error;
        const auto done = [&error](std::exception_ptr e) {
            if (e) error = e;
        };
        io_.restart();
        const auto start = clock::now();
        if (mode_ == CoroutineMode::ping_pong) {
            asio::co_spawn(io_, ping_pong_side(s, 0, switches / 2), done);
            asio::co_spawn(io_, ping_pong_side(s, 1, switches / 2), done);
        } else {
            asio::co_spawn(io_, ready_loop(s), done);
        }
        io_.run();
        const double took = std::chrono::duration<double>(clock::now() - start).count();
        if (error) std::rethrow_exception(error);
        if (s.failure) return *s.failure;
        if (auto wrong = verify_switches(mode_, switches, s.tally))
            return SampleResult::failure(status::wrong_result, *wrong);
        SampleResult r;
        r.metrics = batch_metrics(took, switches);
        return r;
    }

private:
    CoroutineMode mode_;
    asio::io_context io_{1};
};

CaseOutcome measure_coroutine(const Case& c, const CoroutineParams& p, const RunContext& ctx) {
    CoroutineBench bench(p.mode);
    const BatchSize size{p.switches, 1024, kMaxSwitches, p.min_batch_time};
    return run_batches(
        c, ctx, [&](std::uint64_t n, const SampleDeadline& d) { return bench.batch(n, d); }, size);
}

}  // namespace

std::optional<std::string> verify_switches(CoroutineMode mode, std::uint64_t switches, const SwitchTally& tally) {
    if (tally.switches != switches) return fmt::format("{} switches counted, expected {}", tally.switches, switches);
    if (mode == CoroutineMode::ping_pong && tally.out_of_turn != 0) {
        return fmt::format("{} of {} resumptions were out of turn (the coroutines did not alternate)",
                           tally.out_of_turn, switches);
    }
    // 0 + 1 + ... + (n-1), in unsigned arithmetic: wraps the same way as the sum taken.
    const std::uint64_t expected = switches % 2 == 0 ? (switches / 2) * (switches - 1)
                                                     : switches * ((switches - 1) / 2);
    if (mode == CoroutineMode::ready && tally.value_sum != expected) {
        return fmt::format("awaited values sum to {}, expected {}", tally.value_sum, expected);
    }
    return std::nullopt;
}

std::unique_ptr<Runner> make_asio_coroutine_runner() {
    return params_runner(parse_coroutine_params, measure_coroutine);
}

}  // namespace perfmatrix::asio_bench
