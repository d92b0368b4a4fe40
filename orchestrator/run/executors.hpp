#pragma once
// How rank 0 gets a case run: by a worker rank over MPI, or by itself when it is alone.
// The coordinator's loop is the same for both.

#include "orchestrator/run/mailbox.hpp"
#include "orchestrator/run/protocol.hpp"

#include <chrono>
#include <deque>
#include <optional>
#include <set>
#include <string>

namespace perfmatrix {

class Executor {
public:
    virtual ~Executor() = default;
    virtual void start(int rank, const Case& c) = 0;
    virtual std::optional<protocol::Result> poll() = 0;  // a finished case, if any; never blocks
    // Sleeps until poll may have something, or a signal came, at most `at_most`.
    virtual void wait(std::chrono::milliseconds at_most) = 0;
    virtual void cancel(int rank) = 0;  // abort the case running on rank
    virtual void stop_all() = 0;        // no more work for anyone
    virtual void flush() {}             // sends what start() and cancel() batched (for node leaders)
    virtual void watch(int) {}          // an fd whose readability ends a wait() too
    // A line for the progress output when dispatch is slower than it should be; else empty.
    virtual std::string dispatch_note() const { return {}; }
    // "; 512 relays from node leaders carried 20000 messages", or empty: for rank 0's profile.
    virtual std::string relay_summary() const { return {}; }
};

// Worker ranks over MPI.
class MpiExecutor final : public Executor {
public:
    // `topology` says which ranks are leaders: they get no cases, only their `stop`.
    MpiExecutor(const Topology& topology, Mailbox& mail) : topology_(topology), mail_(mail) {}
    void start(int rank, const Case& c) override;
    std::optional<protocol::Result> poll() override;
    void wait(std::chrono::milliseconds at_most) override { mail_.wait(at_most); }
    void flush() override { mail_.flush(); }
    void watch(int fd) override { mail_.watch(fd); }
    std::string dispatch_note() const override;
    std::string relay_summary() const override;
    void cancel(int rank) override;
    // Also settles ranks whose result nobody took (rank 0 failed mid-run, e.g. a full disk):
    // they are cancelled and their results received and dropped, because a worker blocked
    // sending a large result would keep MPI_Finalize, and so mpirun, waiting forever. A rank
    // still silent after `settle_time` gets MPI_Abort: every rank ends.
    void stop_all() override;

private:
    void settle_busy();

    const Topology& topology_;
    Mailbox& mail_;
    std::set<int> busy_;  // ranks started on a case whose result has not been received
};

// Rank 0 alone: runs each case as it is started; poll hands back the outcome.
class LocalExecutor final : public Executor {
public:
    explicit LocalExecutor(std::string host) : host_(std::move(host)) {}
    void start(int rank, const Case& c) override;
    std::optional<protocol::Result> poll() override;
    void wait(std::chrono::milliseconds) override {}  // start() ran the case: nothing to wait for
    void cancel(int) override {}
    void stop_all() override {}

private:
    std::string host_;
    std::deque<protocol::Result> done_;
};

}  // namespace perfmatrix
