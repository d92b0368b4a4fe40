#include "workers/asio/asio_kinds.hpp"

#include "workers/asio/coroutine_params.hpp"
#include "workers/asio/coroutine_runner.hpp"
#include "workers/asio/post_params.hpp"
#include "workers/asio/post_runner.hpp"
#include "workers/asio/tcp_echo_params.hpp"
#include "workers/asio/tcp_echo_runner.hpp"
#include "workers/asio/timer_params.hpp"
#include "workers/asio/timer_runner.hpp"

namespace perfmatrix {

std::vector<KindSpec> asio_kind_specs() {
    return {asio_bench::asio_post_kind_spec(), asio_bench::asio_timer_kind_spec(),
            asio_bench::asio_coroutine_kind_spec(), asio_bench::asio_tcp_echo_kind_spec()};
}

std::unique_ptr<Runner> make_asio_runner(std::string_view kind) {
    if (kind == "asio_post") return asio_bench::make_asio_post_runner();
    if (kind == "asio_timer") return asio_bench::make_asio_timer_runner();
    if (kind == "asio_coroutine") return asio_bench::make_asio_coroutine_runner();
    if (kind == "asio_tcp_echo") return asio_bench::make_asio_tcp_echo_runner();
    return nullptr;
}

}  // namespace perfmatrix
