// asio_tcp_echo: real loopback sockets; a corrupting server is caught; nothing is left behind.
#include "asio_test_support.hpp"
#include "measure/asio/echo_client.hpp"
#include "measure/asio/tcp_echo_runner.hpp"

#include <gtest/gtest.h>

namespace perfmatrix {
namespace {

using asio_test::count_entries;
using asio_test::make_case;
using asio_test::values;

CaseOutcome run_echo(const nlohmann::json& params, asio_bench::EchoFault fault = {}, double timeout = 20) {
    return asio_bench::make_asio_tcp_echo_runner(fault)->run(make_case("asio_tcp_echo", params, 1, 2, timeout), {});
}

void expect_sane(const CaseOutcome& o) {
    ASSERT_EQ(o.status, status::ok) << o.reason;
    const auto p50 = values(o, "latency_p50");
    const auto p99 = values(o, "latency_p99");
    ASSERT_EQ(p50.size(), 2u);
    for (std::size_t i = 0; i < p50.size(); ++i) {
        EXPECT_GT(p50[i], 0.0);
        EXPECT_GE(p99[i], p50[i]);
        EXPECT_LT(p50[i], 1.0);  // loopback: ~10-100 µs; a sanity bound only
    }
    for (double r : values(o, "rate")) EXPECT_GT(r, 0);
    for (double b : values(o, "bandwidth")) EXPECT_GT(b, 0);
    EXPECT_EQ(asio_test::unit_of(o, "bandwidth"), "GB/s");
}

TEST(AsioTcpEcho, SmallMessagesOnSeveralConnectionsLeaveNoFdsOrThreads) {
    const int fds = count_entries("/proc/self/fd");
    const int threads = count_entries("/proc/self/task");
    const CaseOutcome o = run_echo({{"connections", 3}, {"message_bytes", 32}, {"min_batch_time", 0.005}});
    expect_sane(o);
    EXPECT_EQ(count_entries("/proc/self/fd"), fds);
    EXPECT_EQ(count_entries("/proc/self/task"), threads);
}

TEST(AsioTcpEcho, LargeMessagesOnTwoThreadsDoNotDeadlock) {
    // 1 MiB exceeds the socket buffers: the client must read while it writes.
    const CaseOutcome o = run_echo({{"connections", 2}, {"message_bytes", 1 << 20}, {"messages", 3}, {"threads", 2}});
    expect_sane(o);
    for (double n : values(o, "iterations")) EXPECT_EQ(n, 6.0);
}

TEST(AsioTcpEcho, CorruptedEchoIsAWrongResult) {
    const int fds = count_entries("/proc/self/fd");
    const CaseOutcome o = run_echo({{"connections", 2}, {"messages", 10}}, asio_bench::EchoFault{true});
    EXPECT_EQ(o.status, status::wrong_result) << o.reason;
    EXPECT_NE(o.reason.find("connection 0 message 0: echoed byte 0"), std::string::npos) << o.reason;
    EXPECT_TRUE(o.samples.empty());  // the first (warm-up) batch already failed
    EXPECT_EQ(count_entries("/proc/self/fd"), fds);
}

TEST(AsioTcpEcho, TimeoutAbandonsTheBatchAndCleansUp) {
    const int fds = count_entries("/proc/self/fd");
    const int threads = count_entries("/proc/self/task");
    // 4 MiB x 4096 messages cannot cross loopback in 0.2 s.
    const CaseOutcome o = run_echo({{"connections", 1}, {"message_bytes", 1 << 20}, {"messages", 4096}}, {}, 0.2);
    EXPECT_EQ(o.status, status::timeout) << o.reason;
    EXPECT_EQ(count_entries("/proc/self/fd"), fds);
    EXPECT_EQ(count_entries("/proc/self/task"), threads);
}

TEST(AsioTcpEcho, FirstDifferenceFindsTheFlippedByte) {
    const unsigned char sent[] = {1, 2, 3, 4};
    const unsigned char same[] = {1, 2, 3, 4};
    const unsigned char flipped[] = {1, 2, 2, 4};
    EXPECT_EQ(asio_bench::first_difference(sent, same, 4), std::nullopt);
    EXPECT_EQ(asio_bench::first_difference(sent, flipped, 4), std::optional<std::size_t>(2));
}

}  // namespace
}  // namespace perfmatrix
