#include "measure/asio/timer_runner.hpp"

#include "measure/asio/batch_loop.hpp"
#include "measure/asio/batch_metrics.hpp"
#include "measure/asio/timer_params.hpp"
#include "measure/params_runner.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <variant>

namespace perfmatrix::asio_bench {
namespace {

namespace asio = boost::asio;
using clock = std::chrono::steady_clock;

// One batch: `rounds` rounds; in each, every timer is set to expire `delay` after it is set
// and waited on, then the io_context runs (on this thread) until all have fired. The timer
// objects live across batches, so only scheduling and firing are measured.
class TimerBench {
public:
    explicit TimerBench(const TimerParams& p) : params_(p) {
        timers_.reserve(p.timers);
        for (std::uint64_t j = 0; j < p.timers; ++j) timers_.emplace_back(io_);
    }

    SampleResult batch(std::uint64_t rounds, const SampleDeadline& deadline) {
        prepare(rounds * params_.timers);
        const auto start = clock::now();
        for (std::uint64_t r = 0; r < rounds; ++r) {
            if (auto failure = run_round(r * params_.timers, deadline)) return *failure;
        }
        const double took = std::chrono::duration<double>(clock::now() - start).count();
        if (auto wrong = verify_timer_firings(record_)) return SampleResult::failure(status::wrong_result, *wrong);
        SampleResult result;
        result.metrics = batch_metrics(took, rounds * params_.timers);
        add_lateness(result);
        return result;
    }

private:
    // Outside the timed region: the record is sized and cleared here.
    void prepare(std::uint64_t firings) {
        record_.expiry.assign(firings, {});
        record_.fired.assign(firings, {});
        record_.fire_count.assign(firings, 0);
        record_.errors = 0;
    }

    std::optional<SampleResult> run_round(std::uint64_t first, const SampleDeadline& deadline) {
        const auto delay = std::chrono::duration_cast<clock::duration>(std::chrono::duration<double>(params_.delay));
        pending_ = params_.timers;
        io_.restart();
        for (std::uint64_t j = 0; j < params_.timers; ++j) {
            timers_[j].expires_after(delay);
            record_.expiry[first + j] = timers_[j].expiry();
            timers_[j].async_wait([this, slot = first + j](const boost::system::error_code& ec) { fired(slot, ec); });
        }
        // run_for in slices: a round normally ends when its last timer fires (out of work);
        // the slices only bound how long a stop request or the timeout goes unnoticed.
        while (pending_ > 0) {
            if (auto failure = deadline.expired()) return failure;
            io_.run_for(std::chrono::milliseconds(50));
        }
        return std::nullopt;
    }

    void fired(std::uint64_t slot, const boost::system::error_code& ec) {
        record_.fired[slot] = clock::now();
        ++record_.fire_count[slot];
        if (ec) ++record_.errors;
        --pending_;
    }

    void add_lateness(SampleResult& result) const {
        std::vector<double> late(record_.fired.size());
        for (std::size_t i = 0; i < late.size(); ++i) {
            late[i] = std::chrono::duration<double>(record_.fired[i] - record_.expiry[i]).count();
        }
        const double p50 = percentile(late, 0.50);
        const double p99 = percentile(late, 0.99);
        const double max = late.empty() ? 0.0 : *std::max_element(late.begin(), late.end());
        result.metrics.push_back({"lateness_p50", "s", p50});
        result.metrics.push_back({"lateness_p99", "s", p99});
        result.metrics.push_back({"lateness_max", "s", max});
    }

    TimerParams params_;
    asio::io_context io_{1};
    std::vector<asio::steady_timer> timers_;
    TimerRecord record_;
    std::uint64_t pending_ = 0;
};

CaseOutcome measure_timer(const Case& c, const TimerParams& p, const RunContext& ctx) {
    TimerBench bench(p);
    const BatchSize size{p.rounds, 1, kMaxTimerFirings / p.timers, p.min_batch_time};
    return run_batches(
        c, ctx, [&](std::uint64_t n, const SampleDeadline& d) { return bench.batch(n, d); }, size);
}

}  // namespace

std::optional<std::string> verify_timer_firings(const TimerRecord& record) {
    if (record.errors > 0) return fmt::format("{} timer waits completed with an error", record.errors);
    for (std::size_t i = 0; i < record.fire_count.size(); ++i) {
        if (record.fire_count[i] != 1)
            return fmt::format("timer slot {} fired {} times, expected once", i, record.fire_count[i]);
        if (record.fired[i] < record.expiry[i]) {
            const double early = std::chrono::duration<double>(record.expiry[i] - record.fired[i]).count();
            return fmt::format("timer slot {} fired {:.3g} s before its expiry", i, early);
        }
    }
    return std::nullopt;
}

std::unique_ptr<Runner> make_asio_timer_runner() { return params_runner(parse_timer_params, measure_timer); }

}  // namespace perfmatrix::asio_bench
