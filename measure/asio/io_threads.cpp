#include "measure/asio/io_threads.hpp"

namespace perfmatrix::asio_bench {

IoThreads::IoThreads(boost::asio::io_context& io, int count) : io_(io), guard_(io.get_executor()) {
    threads_.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) threads_.emplace_back([&io] { io.run(); });
}

IoThreads::~IoThreads() {
    guard_.reset();
    // stop(): a batch abandoned at its deadline may still have queued handlers; they are
    // dropped, not run, once the threads leave.
    io_.stop();
    for (auto& t : threads_) t.join();
}

}  // namespace perfmatrix::asio_bench
