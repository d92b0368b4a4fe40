#include "measure/asio/timer_params.hpp"

#include "measure/param_reading.hpp"

namespace perfmatrix::asio_bench {

std::variant<TimerParams, ParamProblem> parse_timer_params(const nlohmann::json& params) {
    return parse_params([&] {
        reject_unknown_params(params, asio_timer_kind());
        TimerParams p;
        p.timers = static_cast<std::uint64_t>(
            integer_param(params, "timers", 64, 1, static_cast<std::int64_t>(kMaxTimers)));
        p.delay = number_param(params, "delay", 0.0, 0.0, 1.0);
        p.rounds = batch_count_param(params, "waves", kMaxTimerFirings / p.timers);
        p.min_batch_time = min_batch_time_param(params, kEventLoopMinBatchTime);
        return p;
    });
}

Kind asio_timer_kind() {
    return declared_kind("asio_timer",
                         "Boost.Asio steady_timer: cost to schedule and fire a timer, and how late timers fire",
                         {
                             {"timers", ParamType::integer, false,
                              "timers scheduled together in one wave (default 64, at most 100000)"},
                             {"delay", ParamType::number, false,
                              "seconds from scheduling a timer to its expiry: 0 expires now, more is near-future "
                              "(default 0, at most 1)"},
                             // Not "rounds": that is the setting for a case's measurement processes.
                             batch_count_spec("waves", "waves of timers", "timers x waves at most 2^22"),
                             min_batch_time_spec(kEventLoopMinBatchTime),
                         },
                         &parse_timer_params);
}

}  // namespace perfmatrix::asio_bench
