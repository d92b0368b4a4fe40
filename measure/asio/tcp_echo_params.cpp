#include "measure/asio/tcp_echo_params.hpp"

#include "measure/param_reading.hpp"

namespace perfmatrix::asio_bench {

std::variant<TcpEchoParams, ParamProblem> parse_tcp_echo_params(const nlohmann::json& params) {
    return parse_params([&] {
        reject_unknown_params(params, asio_tcp_echo_kind());
        TcpEchoParams p;
        p.connections = static_cast<int>(integer_param(params, "connections", 4, 1, 256));
        p.message_bytes = static_cast<std::size_t>(
            integer_param(params, "message_bytes", 64, 1, static_cast<std::int64_t>(kMaxMessageBytes)));
        p.messages = batch_count_param(params, "messages",
                                       kMaxEchoMessages / static_cast<std::uint64_t>(p.connections));
        p.threads = static_cast<int>(integer_param(params, "threads", 1, 1, 16));
        p.min_batch_time = min_batch_time_param(params, kEventLoopMinBatchTime);
        return p;
    });
}

Kind asio_tcp_echo_kind() {
    return declared_kind(
        "asio_tcp_echo", "Boost.Asio loopback TCP echo (127.0.0.1 only): round-trip latency and throughput",
        {
            {"connections", ParamType::integer, false, "concurrent client connections (default 4, at most 256)"},
            {"message_bytes", ParamType::integer, false, "payload bytes per message (default 64, at most 1 MiB)"},
            batch_count_spec("messages", "messages per connection, one after another,",
                             "connections x messages at most 2^22"),
            {"threads", ParamType::integer, false,
             "threads running the io_context that serves both server and clients (default 1, at most 16)"},
            min_batch_time_spec(kEventLoopMinBatchTime),
        },
        &parse_tcp_echo_params);
}

}  // namespace perfmatrix::asio_bench
