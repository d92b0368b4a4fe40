#pragma once
// Parameters of `asio_coroutine`: C++20 coroutine switch cost under Boost.Asio.

#include "measure/model/kind.hpp"
#include "measure/param_reading.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <variant>

namespace perfmatrix::asio_bench {

enum class CoroutineMode { ping_pong, ready };

struct CoroutineParams {
    CoroutineMode mode = CoroutineMode::ping_pong;
    std::uint64_t switches = 0;  // per batch; 0: calibrated
    double min_batch_time = kEventLoopMinBatchTime;
};

inline constexpr std::uint64_t kMaxSwitches = std::uint64_t{1} << 32;

std::variant<CoroutineParams, ParamProblem> parse_coroutine_params(const nlohmann::json& params);
Kind asio_coroutine_kind();

}  // namespace perfmatrix::asio_bench
