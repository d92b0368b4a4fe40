#pragma once
// Parameters of `asio_post`: event-loop overhead of io_context post vs dispatch.

#include "measure/model/kind.hpp"
#include "measure/param_reading.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <variant>

namespace perfmatrix::asio_bench {

enum class PostMode { post, dispatch };

struct PostParams {
    PostMode mode = PostMode::post;
    int threads = 1;             // threads running io_context::run
    std::uint64_t handlers = 0;  // per batch; 0: calibrated
    double min_batch_time = kEventLoopMinBatchTime;
};

inline constexpr std::uint64_t kMaxPostHandlers = std::uint64_t{1} << 24;  // a byte each for verification

std::variant<PostParams, ParamProblem> parse_post_params(const nlohmann::json& params);
Kind asio_post_kind();

}  // namespace perfmatrix::asio_bench
