#pragma once
// The client side of `asio_tcp_echo`: sends messages one after another on one connection,
// checks every echoed byte and records each round trip.

#include "measure/asio/batch_latch.hpp"

#include <boost/asio/ip/tcp.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace perfmatrix::asio_bench {

// Index of the first byte where received differs from sent, or nullopt when they are equal.
std::optional<std::size_t> first_difference(const unsigned char* sent, const unsigned char* received, std::size_t n);

class EchoClient {
public:
    EchoClient(boost::asio::ip::tcp::socket socket, int id, std::size_t message_bytes);

    // Outside the timed region: sizes the round-trip table for `messages`.
    void prepare(std::uint64_t messages);
    // Starts the batch on the socket's executor; counts `latch` down once when done or failed.
    void start(BatchLatch& latch);

    const std::vector<double>& round_trips() const { return round_trips_; }  // seconds
    const std::optional<std::string>& error() const { return error_; }
    const std::optional<std::string>& wrong() const { return wrong_; }

private:
    void send();
    void part_done();
    void check_echo();
    void fail(std::optional<std::string>& slot, std::string why);
    void finish();

    boost::asio::ip::tcp::socket socket_;
    int id_;
    std::size_t message_bytes_;
    // Message k is pattern_[k % 251, + message_bytes): consecutive messages differ, so an
    // echo of an older message is caught too.
    std::vector<unsigned char> pattern_;
    std::vector<unsigned char> received_;
    std::vector<double> round_trips_;
    std::uint64_t messages_ = 0;
    std::uint64_t next_ = 0;
    int parts_left_ = 0;  // the write and the read of the message in flight
    std::chrono::steady_clock::time_point sent_at_{};
    BatchLatch* latch_ = nullptr;
    bool finished_ = false;
    std::optional<std::string> error_;
    std::optional<std::string> wrong_;
};

}  // namespace perfmatrix::asio_bench
