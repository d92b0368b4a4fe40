#pragma once
// Waking a rank for an MPI message without either spinning or napping.
//
// Open MPI's blocking receive busy-polls a core, and a rank that waits shares its node with
// ranks that measure. Polling with naps (the fallback below) keeps the core free but makes
// every hand-off wait out a nap: with naps of 1-10 ms, 20-40 ms a case (docs/scale.md). So
// each worker also holds one TCP connection to rank 0, its doorbell: the sender of every
// protocol message first writes one byte to it, and the receiver sleeps in epoll on its
// doorbells until one rings. A rank that waits costs nothing until then, and a hand-off costs
// one small write beside the message.
//
// The byte goes before the message because an MPI_Send of a large payload (rendezvous) returns
// only once the receiver has matched it: ringing after it would deadlock with a receiver that
// sleeps until the ring. The receiver may therefore see the ring a moment before the message,
// and probes for it briefly (mailbox.hpp).
//
// With node leaders (topology.hpp), a rank behind a leader holds its doorbell to the leader, and
// the leader one to rank 0 beside those of its node's ranks.
//
// A worker that cannot reach rank 0 over TCP (a firewall, no route) goes without a doorbell:
// both sides then poll for its messages with naps, as before.

#include "measure/system/unique_fd.hpp"
#include "orchestrator/run/topology.hpp"

#include <cstddef>
#include <vector>

namespace perfmatrix {

class Doorbells {
public:
    Doorbells() = default;  // no peers: a single rank
    // Collective over MPI_COMM_WORLD: rank 0 and each leader listen, every other rank connects
    // to its parent in `topology` and says (over MPI) whether it got through, so both sides agree
    // on who has a doorbell. Setting PERFMATRIX_DOORBELLS=off leaves every rank without one (the
    // nap fallback, for comparison).
    static Doorbells connect(int rank, int size, const Topology& topology);

    bool has(int peer) const;
    bool all() const { return missing_ == 0; }  // every peer has a doorbell
    int peers_without() const { return missing_; }

    // One byte to `peer`, never blocking: a full socket buffer already holds rings the peer has
    // not read, so it will wake.
    void ring(int peer);
    // Reads every byte rung so far; returns how many. `watched_ready`, if given, says whether a
    // watch()ed fd was readable too (its owner drains it: a system call saved when it was not).
    std::size_t drain(bool* watched_ready = nullptr);
    // An epoll set over the doorbells and anything watch()ed: readable when one of them is.
    int fd() const { return epoll_.get(); }
    void watch(int fd);

private:
    void add(int peer, UniqueFd socket);

    std::vector<UniqueFd> sockets_;  // by rank; empty where a peer has none
    UniqueFd epoll_;
    int missing_ = 0;
};

}  // namespace perfmatrix
