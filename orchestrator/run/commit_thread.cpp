#include "orchestrator/run/commit_thread.hpp"

#include <pthread.h>
#include <signal.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <span>
#include <stdexcept>

namespace perfmatrix {
namespace {

double thread_cpu_seconds() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

// Signals are rank 0's main thread's business (InterruptGuard, SIGUSR1's signalfd).
void block_signals() {
    sigset_t all;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, nullptr);
}

UniqueFd done_event() {
    UniqueFd fd(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK));
    if (!fd) throw std::runtime_error("eventfd failed");
    return fd;
}

}  // namespace

CommitThread::CommitThread(ResultsWriter& results)
    : results_(results), done_fd_(done_event()), thread_([this] { loop(); }) {}

CommitThread::~CommitThread() {
    {
        const std::lock_guard lock(mutex_);
        quit_ = true;
    }
    wake_.notify_one();
    thread_.join();
}

void CommitThread::commit(std::vector<CaseRecord> group) {
    if (in_hand_) throw std::logic_error("CommitThread::commit: a group is still in hand");
    {
        const std::lock_guard lock(mutex_);
        todo_ = std::move(group);
    }
    in_hand_ = true;
    wake_.notify_one();
}

std::optional<std::vector<CaseRecord>> CommitThread::finished_locked() {
    if (!in_hand_ || todo_ || !done_) return std::nullopt;
    std::uint64_t count = 0;
    [[maybe_unused]] const ssize_t n = ::read(done_fd_.get(), &count, sizeof count);  // readable no more
    in_hand_ = false;
    if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
    return std::exchange(done_, std::nullopt);
}

std::optional<std::vector<CaseRecord>> CommitThread::take_done() {
    if (!in_hand_) return std::nullopt;
    const std::lock_guard lock(mutex_);
    return finished_locked();
}

std::optional<std::vector<CaseRecord>> CommitThread::wait_done() {
    if (!in_hand_) return std::nullopt;
    std::unique_lock lock(mutex_);
    wake_.wait(lock, [this] { return !todo_ && done_; });
    return finished_locked();
}

double CommitThread::commit_seconds() const {
    const std::lock_guard lock(mutex_);
    return commit_seconds_;
}

double CommitThread::cpu_seconds() const {
    const std::lock_guard lock(mutex_);
    return cpu_seconds_;
}

void CommitThread::loop() {
    block_signals();
    std::unique_lock lock(mutex_);
    for (;;) {
        wake_.wait(lock, [this] { return quit_ || todo_; });
        if (!todo_) return;  // quit, with nothing in hand
        std::vector<CaseRecord> group = std::move(*todo_);
        lock.unlock();
        const double cpu_before = thread_cpu_seconds();
        const auto started = std::chrono::steady_clock::now();
        std::exception_ptr error;
        try {
            results_.commit_cases(std::span<const CaseRecord>(group));
        } catch (...) {
            error = std::current_exception();
        }
        const double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        const double cpu = thread_cpu_seconds() - cpu_before;
        lock.lock();
        commit_seconds_ += took;
        cpu_seconds_ += cpu;
        error_ = error;
        done_ = std::move(group);
        todo_.reset();
        const std::uint64_t one = 1;
        [[maybe_unused]] const ssize_t n = ::write(done_fd_.get(), &one, sizeof one);
        wake_.notify_all();
    }
}

}  // namespace perfmatrix
