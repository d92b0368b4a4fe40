// The asio kinds: Boost.Asio's event loop, timers, coroutines and loopback TCP.
#include "measure/asio/coroutine_params.hpp"
#include "measure/asio/coroutine_runner.hpp"
#include "measure/asio/post_params.hpp"
#include "measure/asio/post_runner.hpp"
#include "measure/asio/tcp_echo_params.hpp"
#include "measure/asio/tcp_echo_runner.hpp"
#include "measure/asio/timer_params.hpp"
#include "measure/asio/timer_runner.hpp"
#include "measure/kind_registry.hpp"

namespace perfmatrix {
namespace {

// What every asio batch records (batch_metrics.hpp) after the kind's own figures; its rate
// is the `rate_headline`-th headline figure.
std::vector<MetricSpec> with_batch(std::vector<MetricSpec> own, int rate_headline = 1) {
    own.push_back({"rate", "ops/s", Better::higher, rate_headline});
    for (MetricSpec& m : batch_timing_metrics()) own.push_back(std::move(m));
    return own;
}

Kind post() {
    Kind k = asio_bench::asio_post_kind();
    k.metrics = with_batch({});
    k.make_runner = asio_bench::make_asio_post_runner;
    return k;
}

Kind timer() {
    Kind k = asio_bench::asio_timer_kind();
    k.metrics = with_batch({{"lateness_p50", "s", Better::lower, 0},
                            {"lateness_p99", "s", Better::lower, 0},
                            {"lateness_max", "s", Better::lower, 0}});
    k.make_runner = asio_bench::make_asio_timer_runner;
    return k;
}

Kind coroutine() {
    Kind k = asio_bench::asio_coroutine_kind();
    k.metrics = with_batch({});
    k.make_runner = asio_bench::make_asio_coroutine_runner;
    return k;
}

Kind tcp_echo() {
    Kind k = asio_bench::asio_tcp_echo_kind();
    k.metrics = with_batch({{"bandwidth", "GB/s", Better::higher, 1},
                            {"latency_p50", "s", Better::lower, 3},
                            {"latency_p99", "s", Better::lower, 4}},
                           2);
    k.make_runner = [] { return asio_bench::make_asio_tcp_echo_runner(); };
    return k;
}

}  // namespace

void register_asio_kinds(KindRegistry& registry) {
    for (Kind k : {post(), timer(), coroutine(), tcp_echo()}) {
        k.category = category::async;
        registry.add(std::move(k));
    }
}

}  // namespace perfmatrix
