#include "measure/asio/tcp_echo_runner.hpp"

#include "measure/asio/batch_latch.hpp"
#include "measure/asio/batch_loop.hpp"
#include "measure/asio/batch_metrics.hpp"
#include "measure/asio/echo_client.hpp"
#include "measure/asio/io_threads.hpp"
#include "measure/asio/tcp_echo_params.hpp"
#include "measure/params_runner.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/strand.hpp>

#include <fmt/format.h>

#include <variant>

namespace perfmatrix::asio_bench {
namespace {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

// Server and clients share one io_context. Connections are made once per case (not
// measured), on 127.0.0.1 with an ephemeral port; a sample is `messages` round trips on
// every connection at once.
class EchoBench {
public:
    EchoBench(const TcpEchoParams& p, EchoFault fault) : params_(p) {
        connect_all(fault);
        for (auto& s : sessions_) s->start();
        threads_ = std::make_unique<IoThreads>(io_, p.threads);
    }

    ~EchoBench() { threads_.reset(); }  // stop and join before the sockets go
    EchoBench(const EchoBench&) = delete;
    EchoBench& operator=(const EchoBench&) = delete;

    SampleResult batch(std::uint64_t messages, const SampleDeadline& deadline) {
        for (auto& c : clients_) c->prepare(messages);  // outside the timed region
        latch_.arm(clients_.size());
        const auto start = BatchLatch::clock::now();
        for (auto& c : clients_) c->start(latch_);
        if (auto failure = latch_.wait(deadline)) return *failure;
        const double took = std::chrono::duration<double>(latch_.finished() - start).count();
        if (auto failure = client_failure()) return *failure;
        return metrics(took, messages);
    }

private:
    // With more than one thread, each socket gets a strand: its write and read completions
    // then never run at the same time.
    asio::any_io_executor socket_executor() {
        if (params_.threads > 1) return asio::make_strand(io_);
        return io_.get_executor();
    }

    void connect_all(EchoFault fault) {
        // Loopback only, port chosen by the kernel: the benchmark never reaches beyond this host.
        tcp::acceptor acceptor(io_, tcp::endpoint(asio::ip::address_v4::loopback(), 0));
        const tcp::endpoint server = acceptor.local_endpoint();
        for (int i = 0; i < params_.connections; ++i) {
            tcp::socket client(socket_executor());
            client.connect(server);
            tcp::socket served(socket_executor());
            acceptor.accept(served);
            client.set_option(tcp::no_delay(true));
            served.set_option(tcp::no_delay(true));
            sessions_.push_back(std::make_unique<EchoSession>(std::move(served), fault.flip_byte && i == 0));
            clients_.push_back(std::make_unique<EchoClient>(std::move(client), i, params_.message_bytes));
        }
    }

    std::optional<SampleResult> client_failure() const {
        for (const auto& c : clients_) {
            if (c->error()) return SampleResult::failure(status::error, *c->error());
        }
        for (const auto& c : clients_) {
            if (c->wrong()) return SampleResult::failure(status::wrong_result, *c->wrong());
        }
        return std::nullopt;
    }

    SampleResult metrics(double took, std::uint64_t messages) const {
        const std::uint64_t total = messages * clients_.size();
        SampleResult r;
        r.metrics = batch_metrics(took, total);
        const double payload = static_cast<double>(total) * static_cast<double>(params_.message_bytes);
        r.metrics.push_back({"bandwidth", "GB/s", took > 0 ? payload / took / 1e9 : 0.0});
        std::vector<double> round_trips;
        round_trips.reserve(total);
        for (const auto& c : clients_)
            round_trips.insert(round_trips.end(), c->round_trips().begin(), c->round_trips().end());
        r.metrics.push_back({"latency_p50", "s", percentile(round_trips, 0.50)});
        r.metrics.push_back({"latency_p99", "s", percentile(round_trips, 0.99)});
        return r;
    }

    TcpEchoParams params_;
    asio::io_context io_{params_.threads};
    std::vector<std::unique_ptr<EchoSession>> sessions_;
    std::vector<std::unique_ptr<EchoClient>> clients_;
    BatchLatch latch_;
    std::unique_ptr<IoThreads> threads_;  // started once the sockets exist
};

CaseOutcome measure_tcp_echo(const Case& c, const TcpEchoParams& p, const RunContext& ctx, EchoFault fault) {
    EchoBench bench(p, fault);
    const BatchSize size{p.messages, 8, kMaxEchoMessages / static_cast<std::uint64_t>(p.connections), p.min_batch_time};
    return run_batches(
        c, ctx, [&](std::uint64_t n, const SampleDeadline& d) { return bench.batch(n, d); }, size);
}

}  // namespace

std::unique_ptr<Runner> make_asio_tcp_echo_runner(EchoFault fault) {
    return params_runner(parse_tcp_echo_params, [fault](const Case& c, const TcpEchoParams& p, const RunContext& ctx) {
        return measure_tcp_echo(c, p, ctx, fault);
    });
}

}  // namespace perfmatrix::asio_bench
