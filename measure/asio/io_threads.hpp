#pragma once
// Threads that run one io_context until this object is destroyed. Destruction stops the
// context and joins the threads, so no handler runs after it: declare it after the state its
// handlers touch, and it goes first.

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>

#include <thread>
#include <vector>

namespace perfmatrix::asio_bench {

class IoThreads {
public:
    IoThreads(boost::asio::io_context& io, int count);
    ~IoThreads();
    IoThreads(const IoThreads&) = delete;
    IoThreads& operator=(const IoThreads&) = delete;

private:
    boost::asio::io_context& io_;
    // Keeps run() from returning while a batch is being prepared.
    boost::asio::executor_work_guard<boost::asio::io_context::executor_type> guard_;
    std::vector<std::thread> threads_;
};

}  // namespace perfmatrix::asio_bench
