#pragma once
// Rank 0's commits, on a thread of their own. Rank 0 spends each case's time on three things:
// receiving its result, handing its rank the next case, and committing it to the results
// file. On one thread the three add up; with the commit beside them they overlap, and the
// commit's HDF5 state (chunk and metadata caches) stays warm on its own core instead of being
// evicted by the messages' work in between (docs/scale.md, "Rank 0's capacity").
//
// One group at a time: rank 0 hands a group over only when the last one is done, and keeps
// what arrives meanwhile for the next, so a slow disk makes groups larger, not a queue longer.
// A case is reported finished only once its group is done, as before: a kill -9 loses what
// was received and not yet committed, which is the group in hand and what waits for the next
// (docs/scale.md, "What a kill -9 can lose"). Only this thread calls into the results file
// while a group is in hand; rank 0 calls it itself only when idle() (HDF5 here is not
// thread-safe, and need not be: the hand-over orders the two).

#include "measure/system/unique_fd.hpp"
#include "results/results_writer.hpp"

#include <condition_variable>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace perfmatrix {

class CommitThread {
public:
    explicit CommitThread(ResultsWriter& results);
    ~CommitThread();  // waits for the group in hand, if any
    CommitThread(const CommitThread&) = delete;
    CommitThread& operator=(const CommitThread&) = delete;

    bool idle() const { return !in_hand_; }
    // Hands a group over; only when idle().
    void commit(std::vector<CaseRecord> group);
    // The group in hand, once committed (its records, for progress); nullopt while it is being
    // committed, or when none is in hand. Rethrows what the commit threw.
    std::optional<std::vector<CaseRecord>> take_done();
    // The same, waiting for it.
    std::optional<std::vector<CaseRecord>> wait_done();
    // Readable once a group is done: rank 0 sleeps on it beside its doorbells.
    int done_fd() const { return done_fd_.get(); }
    // Seconds spent committing, and this thread's CPU seconds; for rank 0's profile.
    double commit_seconds() const;
    double cpu_seconds() const;

private:
    void loop();
    std::optional<std::vector<CaseRecord>> finished_locked();

    ResultsWriter& results_;
    UniqueFd done_fd_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::optional<std::vector<CaseRecord>> todo_, done_;
    std::exception_ptr error_;
    bool quit_ = false;
    bool in_hand_ = false;  // rank 0's side: a group handed over and not yet taken back
    double commit_seconds_ = 0, cpu_seconds_ = 0;
    std::thread thread_;  // last: it starts once the rest is ready
};

}  // namespace perfmatrix
