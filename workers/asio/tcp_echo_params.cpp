#include "workers/asio/tcp_echo_params.hpp"

#include "workers/param_reading.hpp"

#include <fmt/format.h>

namespace perfmatrix::asio_bench {

std::variant<TcpEchoParams, ParamProblem> parse_tcp_echo_params(const nlohmann::json& params) {
    return parse_params([&] {
        reject_unknown_params(params, asio_tcp_echo_kind());
        TcpEchoParams p;
        p.connections = static_cast<int>(integer_param(params, "connections", 4, 1, 256));
        p.message_bytes = static_cast<std::size_t>(
            integer_param(params, "message_bytes", 64, 1, static_cast<std::int64_t>(kMaxMessageBytes)));
        const auto max_messages = static_cast<std::int64_t>(kMaxEchoMessages) / p.connections;
        p.messages = static_cast<std::uint64_t>(integer_param(params, "messages", 0, 0, max_messages));
        p.threads = static_cast<int>(integer_param(params, "threads", 1, 1, 16));
        p.min_batch_time = min_batch_time_param(params, kEventLoopMinBatchTime);
        return p;
    });
}

Kind asio_tcp_echo_kind() {
    Kind spec;
    spec.name = "asio_tcp_echo";
    spec.summary = "Boost.Asio loopback TCP echo (127.0.0.1 only): round-trip latency and throughput";
    spec.params = {
        {"connections", ParamType::integer, false, "concurrent client connections (default 4, at most 256)"},
        {"message_bytes", ParamType::integer, false, "payload bytes per message (default 64, at most 1 MiB)"},
        {"messages", ParamType::integer, false,
         "messages per connection per batch, one after another; 0 or absent: calibrated so a batch "
         "lasts min_batch_time (connections x messages at most 2^22)"},
        {"threads", ParamType::integer, false,
         "threads running the io_context that serves both server and clients (default 1, at most 16)"},
        min_batch_time_spec(kEventLoopMinBatchTime),
    };
    spec.check = check_by(&parse_tcp_echo_params);
    return spec;
}

}  // namespace perfmatrix::asio_bench
