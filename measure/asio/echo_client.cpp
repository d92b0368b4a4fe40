#include "measure/asio/echo_client.hpp"

#include <boost/asio/post.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

namespace perfmatrix::asio_bench {

namespace asio = boost::asio;

constexpr std::size_t kPatternPeriod = 251;  // prime: offsets cycle through every residue

std::optional<std::size_t> first_difference(const unsigned char* sent, const unsigned char* received, std::size_t n) {
    if (std::memcmp(sent, received, n) == 0) return std::nullopt;
    const auto* end = sent + n;
    return static_cast<std::size_t>(std::mismatch(sent, end, received).first - sent);
}

EchoClient::EchoClient(asio::ip::tcp::socket socket, int id, std::size_t message_bytes)
    : socket_(std::move(socket)),
      id_(id),
      message_bytes_(message_bytes),
      pattern_(message_bytes + kPatternPeriod),
      received_(message_bytes) {
    for (std::size_t i = 0; i < pattern_.size(); ++i) {
        pattern_[i] = static_cast<unsigned char>((i * 131 + static_cast<std::size_t>(id) * 17 + 7) & 0xff);
    }
}

void EchoClient::prepare(std::uint64_t messages) {
    messages_ = messages;
    round_trips_.assign(messages, 0.0);
    next_ = 0;
    finished_ = false;
    error_.reset();
    wrong_.reset();
}

void EchoClient::start(BatchLatch& latch) {
    latch_ = &latch;
    asio::post(socket_.get_executor(), [this] {
        if (messages_ == 0) return finish();
        send();
    });
}

// The write and the read run together: a message larger than the socket buffers would
// deadlock if the client only read after writing all of it.
void EchoClient::send() {
    parts_left_ = 2;
    sent_at_ = std::chrono::steady_clock::now();
    const unsigned char* message = pattern_.data() + next_ % kPatternPeriod;
    asio::async_write(socket_, asio::buffer(message, message_bytes_),
                      [this](const boost::system::error_code& ec, std::size_t) {
                          if (ec)
                              return fail(error_, fmt::format("connection {}: write failed: {}", id_, ec.message()));
                          part_done();
                      });
    asio::async_read(socket_, asio::buffer(received_), [this](const boost::system::error_code& ec, std::size_t) {
        if (ec) return fail(error_, fmt::format("connection {}: read failed: {}", id_, ec.message()));
        part_done();
    });
}

void EchoClient::part_done() {
    if (--parts_left_ > 0 || finished_) return;
    round_trips_[next_] = std::chrono::duration<double>(std::chrono::steady_clock::now() - sent_at_).count();
    check_echo();
    if (finished_) return;
    if (++next_ == messages_) return finish();
    send();
}

void EchoClient::check_echo() {
    const unsigned char* sent = pattern_.data() + next_ % kPatternPeriod;
    if (auto at = first_difference(sent, received_.data(), message_bytes_)) {
        fail(wrong_, fmt::format("connection {} message {}: echoed byte {} is 0x{:02x}, sent 0x{:02x}", id_, next_, *at,
                                 received_[*at], sent[*at]));
    }
}

void EchoClient::fail(std::optional<std::string>& slot, std::string why) {
    if (finished_) return;  // the first problem is the one reported
    slot = std::move(why);
    finish();
}

void EchoClient::finish() {
    finished_ = true;
    latch_->count_down();
}

}  // namespace perfmatrix::asio_bench
