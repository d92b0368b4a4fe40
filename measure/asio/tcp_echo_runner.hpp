#pragma once
// Runner of `asio_tcp_echo`. The fault option is the test seam that proves verification works.

#include "measure/asio/echo_server.hpp"
#include "measure/model/runner.hpp"

#include <memory>

namespace perfmatrix::asio_bench {

std::unique_ptr<Runner> make_asio_tcp_echo_runner(EchoFault fault = {});

}  // namespace perfmatrix::asio_bench
