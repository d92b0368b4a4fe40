#include "workers/asio/coroutine_params.hpp"

#include "workers/param_reading.hpp"

namespace perfmatrix::asio_bench {

std::variant<CoroutineParams, ParamProblem> parse_coroutine_params(const nlohmann::json& params) {
    return parse_params([&] {
        reject_unknown_params(params, asio_coroutine_kind());
        CoroutineParams p;
        p.mode = choice_param(params, "mode", "ping_pong", {"ping_pong", "ready"}) == "ready"
                     ? CoroutineMode::ready
                     : CoroutineMode::ping_pong;
        p.switches = static_cast<std::uint64_t>(
            integer_param(params, "switches", 0, 0, static_cast<std::int64_t>(kMaxSwitches)));
        p.min_batch_time = min_batch_time_param(params, kEventLoopMinBatchTime);
        return p;
    });
}

Kind asio_coroutine_kind() {
    Kind spec;
    spec.name = "asio_coroutine";
    spec.summary = "Boost.Asio C++20 coroutines: cost of one switch (co_await)";
    spec.params = {
        {"mode", ParamType::string, false,
         "ping_pong (two coroutines alternate through co_await post(use_awaitable): each switch is a "
         "suspend, a trip through the io_context queue and a resume) or ready (one coroutine co_awaits "
         "an awaitable that completes at once: a nested coroutine call and return); default ping_pong"},
        {"switches", ParamType::integer, false,
         "switches per batch; 0 or absent: calibrated so a batch lasts min_batch_time (at most 2^32)"},
        min_batch_time_spec(kEventLoopMinBatchTime),
    };
    spec.check = check_by(&parse_coroutine_params);
    return spec;
}

}  // namespace perfmatrix::asio_bench
