#include "measure/asio/post_params.hpp"

#include "measure/param_reading.hpp"

namespace perfmatrix::asio_bench {

std::variant<PostParams, ParamProblem> parse_post_params(const nlohmann::json& params) {
    return parse_params([&] {
        reject_unknown_params(params, asio_post_kind());
        PostParams p;
        p.mode = choice_param(params, "mode", "post", {"post", "dispatch"}) == "post" ? PostMode::post
                                                                                      : PostMode::dispatch;
        p.threads = static_cast<int>(integer_param(params, "threads", 1, 1, 64));
        p.handlers = batch_count_param(params, "handlers", kMaxPostHandlers);
        p.min_batch_time = min_batch_time_param(params, kEventLoopMinBatchTime);
        return p;
    });
}

Kind asio_post_kind() {
    return declared_kind("asio_post",
                         "Boost.Asio event-loop overhead: handlers per second through io_context post or dispatch",
                         {
                             {"mode", ParamType::string, false,
                              "post (queue every handler) or dispatch (run it inline: the producer already runs on the "
                              "io_context); default post"},
                             {"threads", ParamType::integer, false,
                              "threads running io_context::run (default 1, at most 64)"},
                             batch_count_spec("handlers", "handlers", "at most 2^24"),
                             min_batch_time_spec(kEventLoopMinBatchTime),
                         },
                         &parse_post_params);
}

}  // namespace perfmatrix::asio_bench
