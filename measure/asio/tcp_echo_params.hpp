#pragma once
// Parameters of `asio_tcp_echo`: loopback TCP round trips, server and clients in one process.

#include "measure/model/kind.hpp"
#include "measure/param_reading.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <variant>

namespace perfmatrix::asio_bench {

struct TcpEchoParams {
    int connections = 4;             // concurrent client connections
    std::size_t message_bytes = 64;  // payload of one message
    std::uint64_t messages = 0;      // per connection per batch; 0: calibrated
    int threads = 1;                 // threads running the io_context (server and clients share it)
    double min_batch_time = kEventLoopMinBatchTime;
};

inline constexpr std::size_t kMaxMessageBytes = std::size_t{1} << 20;
inline constexpr std::uint64_t kMaxEchoMessages = std::uint64_t{1}
                                                  << 22;  // per batch, all connections: bounds the latency table

std::variant<TcpEchoParams, ParamProblem> parse_tcp_echo_params(const nlohmann::json& params);
Kind asio_tcp_echo_kind();

}  // namespace perfmatrix::asio_bench
