#pragma once
// One rank's side of the protocol's transport: messages go out with a ring of the peer's
// doorbell (doorbells.hpp), and a rank with nothing to do sleeps until a doorbell rings, a
// signal arrives, or its timeout passes. Every protocol message a rank receives after the
// doorbells are set up goes through its mailbox, which counts rings against messages.
//
// Relays (protocol.hpp, topology.hpp): on rank 0, a message for a rank behind a leader waits in
// the leader's batch until flush(); a relay received is handed out one message at a time.
// Relays are sent without blocking (MPI_Isend): rank 0 and a leader may each send the other a
// large one at once, and two blocking sends of rendezvous size would wait for each other.

#include "orchestrator/run/doorbells.hpp"
#include "orchestrator/run/idle_nap.hpp"
#include "orchestrator/run/protocol.hpp"
#include "orchestrator/run/topology.hpp"

#include <chrono>
#include <deque>
#include <list>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace perfmatrix {

// A rank other than rank 0 (a worker, a leader) sleeps at most idle_wait at a time, in case a
// ring is lost; after SIGINT/SIGTERM it waits up to orphan_grace for rank 0's `stop` before it
// leaves on its own (rank 0 may be gone).
inline constexpr std::chrono::milliseconds idle_wait{1000};
inline constexpr std::chrono::seconds orphan_grace{10};

class Mailbox {
public:
    // `source`: the rank messages come from (MPI_ANY_SOURCE on rank 0 and on leaders). The
    // mailbox also wakes for SIGINT/SIGTERM, and on rank 0 (`warnings`) for SIGUSR1. `routes`
    // (rank 0's, when it has leaders) sends messages for ranks behind a leader through it.
    Mailbox(Doorbells& bells, int source, bool warnings, const Topology* routes = nullptr);
    ~Mailbox();
    Mailbox(const Mailbox&) = delete;
    Mailbox& operator=(const Mailbox&) = delete;

    void send(int dest, protocol::Tag tag, const std::string& payload);
    // Sends `frames` to `dest` as one relay, now.
    void relay(int dest, const std::vector<protocol::Frame>& frames);
    // Sends the batches send() queued for leaders.
    void flush();
    // flush(), then waits (at most 10 s) until every relay sent has left: before MPI_Finalize.
    void finish_sends();
    // A pending message, if any. Never sleeps; after a ring whose message is not visible yet
    // it probes for it for a few milliseconds.
    std::optional<protocol::Message> poll();
    // Makes wait() return when `fd` is readable too; its owner empties it.
    void watch(int fd) { bells_.watch(fd); }
    // Sleeps until something may have arrived, at most `at_most`.
    void wait(std::chrono::milliseconds at_most);
    // Readable when wait() would return early: for a poll(2) that also waits for something
    // else (a case's process). poll() consumes what made it readable.
    int wake_fd() const { return bells_.fd(); }
    bool rings() const { return bells_.all(); }  // every message to us is announced
    int peers_without_doorbell() const { return bells_.peers_without(); }
    // Relays received so far, and the messages they carried.
    long relays_received() const { return relays_received_; }
    long frames_received() const { return frames_received_; }

private:
    void take_wakeups();
    std::optional<protocol::Message> probe_briefly();
    std::optional<protocol::Message> receive();
    void relay_queued(int leader, std::vector<protocol::Frame>& frames);  // and empties them
    void complete_sends();

    Doorbells& bells_;
    int source_;
    bool warnings_;
    UniqueFd warning_fd_;
    // Rings read minus messages received from ranks with a doorbell: above 0, a message is on
    // its way (its ring came first); below 0, a ring is on its way.
    long owed_ = 0;
    std::chrono::steady_clock::time_point last_message_{};
    IdleNap nap_;  // for peers without a doorbell
    const Topology* routes_;
    std::map<int, std::vector<protocol::Frame>> outbox_;  // by leader: what flush() sends
    std::deque<protocol::Message> unpacked_;              // the rest of a relay received
    struct InFlight {
        std::string bytes;  // owned until MPI is done with it
        MPI_Request request = MPI_REQUEST_NULL;
    };
    std::list<InFlight> in_flight_;
    long relays_received_ = 0, frames_received_ = 0;  // a list: MPI holds pointers into its elements
};

}  // namespace perfmatrix
