#include "measure/asio/coroutine_params.hpp"

#include "measure/param_reading.hpp"

namespace perfmatrix::asio_bench {

std::variant<CoroutineParams, ParamProblem> parse_coroutine_params(const nlohmann::json& params) {
    return parse_params([&] {
        reject_unknown_params(params, asio_coroutine_kind());
        CoroutineParams p;
        p.mode = choice_param(params, "mode", "ping_pong", {"ping_pong", "ready"}) == "ready"
                     ? CoroutineMode::ready
                     : CoroutineMode::ping_pong;
        p.switches = batch_count_param(params, "switches", kMaxSwitches);
        p.min_batch_time = min_batch_time_param(params, kEventLoopMinBatchTime);
        return p;
    });
}

Kind asio_coroutine_kind() {
    return declared_kind(
        "asio_coroutine", "Boost.Asio C++20 coroutines: cost of one switch (co_await)",
        {
            {"mode", ParamType::string, false,
             "ping_pong (two coroutines alternate through co_await post(use_awaitable): each switch is a "
             "suspend, a trip through the io_context queue and a resume) or ready (one coroutine co_awaits "
             "an awaitable that completes at once: a nested coroutine call and return); default ping_pong"},
            batch_count_spec("switches", "switches", "at most 2^32"),
            min_batch_time_spec(kEventLoopMinBatchTime),
        },
        &parse_coroutine_params);
}

}  // namespace perfmatrix::asio_bench
