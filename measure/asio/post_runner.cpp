#include "measure/asio/post_runner.hpp"

#include "measure/asio/batch_latch.hpp"
#include "measure/asio/batch_loop.hpp"
#include "measure/asio/batch_metrics.hpp"
#include "measure/asio/io_threads.hpp"
#include "measure/asio/post_params.hpp"
#include "measure/params_runner.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <variant>

namespace perfmatrix::asio_bench {
namespace {

namespace asio = boost::asio;

// One batch: `threads` producer handlers, each on the io_context, hand a slice of the
// handlers to it with post or dispatch. A producer already runs inside io_context::run, so
// dispatch runs the handler inline (the fast path dispatch exists for) and post queues it.
// Each handler marks its own slot and counts down the batch latch (one atomic decrement per
// handler, part of what is measured).
class PostBench {
public:
    explicit PostBench(const PostParams& p) : params_(p) {}

    SampleResult batch(std::uint64_t handlers, const SampleDeadline& deadline) {
        // Outside the timed region: the marks are allocated and cleared here.
        runs_.assign(handlers, 0);
        latch_.arm(handlers);
        const auto start = BatchLatch::clock::now();
        const auto producers = static_cast<std::uint64_t>(params_.threads);
        for (std::uint64_t t = 0; t < producers; ++t) {
            const std::uint64_t lo = handlers * t / producers;
            const std::uint64_t hi = handlers * (t + 1) / producers;
            asio::post(io_, [this, lo, hi] { produce(lo, hi); });
        }
        if (auto failure = latch_.wait(deadline)) return *failure;
        const double took = std::chrono::duration<double>(latch_.finished() - start).count();
        if (auto wrong = verify_handler_runs(runs_)) return SampleResult::failure(status::wrong_result, *wrong);
        SampleResult r;
        r.metrics = batch_metrics(took, handlers);
        return r;
    }

private:
    void produce(std::uint64_t lo, std::uint64_t hi) {
        if (params_.mode == PostMode::post) {
            for (std::uint64_t i = lo; i < hi; ++i) asio::post(io_, [this, i] { handle(i); });
        } else {
            for (std::uint64_t i = lo; i < hi; ++i) asio::dispatch(io_, [this, i] { handle(i); });
        }
    }

    void handle(std::uint64_t i) {
        ++runs_[i];  // each slot belongs to one handler: no race
        latch_.count_down();
    }

    PostParams params_;
    asio::io_context io_{params_.threads};
    std::vector<std::uint8_t> runs_;
    BatchLatch latch_;
    IoThreads threads_{io_, params_.threads};  // last: stopped and joined first
};

CaseOutcome measure_post(const Case& c, const PostParams& p, const RunContext& ctx) {
    PostBench bench(p);
    const BatchSize size{p.handlers, 1024, kMaxPostHandlers, p.min_batch_time};
    return run_batches(
        c, ctx, [&](std::uint64_t n, const SampleDeadline& d) { return bench.batch(n, d); }, size);
}

}  // namespace

std::optional<std::string> verify_handler_runs(const std::vector<std::uint8_t>& runs) {
    const auto bad = std::find_if(runs.begin(), runs.end(), [](std::uint8_t n) { return n != 1; });
    if (bad == runs.end()) return std::nullopt;
    const auto wrong = std::count_if(runs.begin(), runs.end(), [](std::uint8_t n) { return n != 1; });
    return fmt::format("{} of {} handlers did not run exactly once (first: handler {} ran {} times)", wrong,
                       runs.size(), bad - runs.begin(), *bad);
}

std::unique_ptr<Runner> make_asio_post_runner() { return params_runner(parse_post_params, measure_post); }

}  // namespace perfmatrix::asio_bench
