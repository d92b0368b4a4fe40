#pragma once
// Parameters of `asio_timer`: steady_timer scheduling and firing.

#include "measure/model/kind.hpp"
#include "measure/param_reading.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <variant>

namespace perfmatrix::asio_bench {

struct TimerParams {
    std::uint64_t timers = 64;  // scheduled together in one round
    double delay = 0.0;         // seconds from scheduling to expiry
    std::uint64_t rounds = 0;   // per batch; 0: calibrated
    double min_batch_time = kEventLoopMinBatchTime;
};

inline constexpr std::uint64_t kMaxTimers = 100000;
inline constexpr std::uint64_t kMaxTimerFirings = std::uint64_t{1} << 22;  // per batch: bounds the lateness table

std::variant<TimerParams, ParamProblem> parse_timer_params(const nlohmann::json& params);
Kind asio_timer_kind();

}  // namespace perfmatrix::asio_bench
