#include "measure/asio/echo_server.hpp"

#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>

namespace perfmatrix::asio_bench {

namespace asio = boost::asio;

// 64 KiB: a read takes whatever has arrived, up to this; larger messages are echoed in chunks.
constexpr std::size_t kChunkBytes = 64 * 1024;

EchoSession::EchoSession(asio::ip::tcp::socket socket, bool flip_first_byte)
    : socket_(std::move(socket)), buffer_(kChunkBytes), flip_pending_(flip_first_byte) {}

void EchoSession::start() { read(); }

void EchoSession::read() {
    socket_.async_read_some(asio::buffer(buffer_), [this](const boost::system::error_code& ec, std::size_t n) {
        if (!ec) echo(n);  // an error ends the session: the client side reports it
    });
}

void EchoSession::echo(std::size_t n) {
    if (flip_pending_ && n > 0) {
        buffer_[0] ^= 0x01;
        flip_pending_ = false;
    }
    asio::async_write(socket_, asio::buffer(buffer_.data(), n),
                      [this](const boost::system::error_code& ec, std::size_t) {
                          if (!ec) read();
                      });
}

}  // namespace perfmatrix::asio_bench
