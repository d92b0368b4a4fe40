#pragma once
// How rank 0 gets a case run: by a worker rank over MPI, or by itself when it is alone.
// The coordinator's loop is the same for both.

#include "orchestrator/protocol.hpp"

#include <deque>
#include <optional>
#include <string>

namespace perfmatrix {

class Executor {
public:
    virtual ~Executor() = default;
    virtual void start(int rank, const Case& c) = 0;
    virtual std::optional<protocol::Result> poll() = 0;  // a finished case, if any; never blocks
    virtual void cancel(int rank) = 0;                   // abort the case running on rank
    virtual void stop_all() = 0;                         // no more work for anyone
};

// Worker ranks over MPI.
class MpiExecutor final : public Executor {
public:
    explicit MpiExecutor(int world_size) : world_size_(world_size) {}
    void start(int rank, const Case& c) override;
    std::optional<protocol::Result> poll() override;
    void cancel(int rank) override;
    void stop_all() override;

private:
    int world_size_;
};

// Rank 0 alone: runs each case as it is started; poll hands back the outcome.
class LocalExecutor final : public Executor {
public:
    explicit LocalExecutor(std::string host) : host_(std::move(host)) {}
    void start(int rank, const Case& c) override;
    std::optional<protocol::Result> poll() override;
    void cancel(int) override {}
    void stop_all() override {}

private:
    std::string host_;
    std::deque<protocol::Result> done_;
};

}  // namespace perfmatrix
