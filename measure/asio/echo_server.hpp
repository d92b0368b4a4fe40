#pragma once
// The echo side of `asio_tcp_echo`: one session per accepted connection, writing back every
// chunk it reads.

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/ip/tcp.hpp>

#include <memory>
#include <vector>

namespace perfmatrix::asio_bench {

// Test seam: a server that corrupts what it echoes, so tests can see verification catch it.
struct EchoFault {
    bool flip_byte = false;  // flip the lowest bit of the first byte the first session echoes
};

class EchoSession {
public:
    EchoSession(boost::asio::ip::tcp::socket socket, bool flip_first_byte);
    void start();  // reads and echoes until the socket fails or closes

private:
    void read();
    void echo(std::size_t n);

    boost::asio::ip::tcp::socket socket_;
    std::vector<unsigned char> buffer_;
    bool flip_pending_;
};

}  // namespace perfmatrix::asio_bench
