#pragma once
// One rank's side of the protocol's transport: messages go out with a ring of the peer's
// doorbell (doorbells.hpp), and a rank with nothing to do sleeps until a doorbell rings, a
// signal arrives, or its timeout passes. Every protocol message a rank receives after the
// doorbells are set up goes through its mailbox, which counts rings against messages.

#include "orchestrator/run/doorbells.hpp"
#include "orchestrator/run/idle_nap.hpp"
#include "orchestrator/run/protocol.hpp"

#include <chrono>
#include <optional>
#include <string>

namespace perfmatrix {

class Mailbox {
public:
    // `source`: the rank messages come from (MPI_ANY_SOURCE on rank 0). The mailbox also
    // wakes for SIGINT/SIGTERM, and on rank 0 (`warnings`) for SIGUSR1.
    Mailbox(Doorbells& bells, int source, bool warnings);

    void send(int dest, protocol::Tag tag, const std::string& payload);
    // A pending message, if any. Never sleeps; after a ring whose message is not visible yet
    // it probes for it for a few milliseconds.
    std::optional<protocol::Message> poll();
    // Sleeps until something may have arrived, at most `at_most`.
    void wait(std::chrono::milliseconds at_most);
    // Readable when wait() would return early: for a poll(2) that also waits for something
    // else (a case's process). poll() consumes what made it readable.
    int wake_fd() const { return bells_.fd(); }
    bool rings() const { return bells_.all(); }  // every message to us is announced
    int peers_without_doorbell() const { return bells_.peers_without(); }

private:
    void take_wakeups();
    std::optional<protocol::Message> probe_briefly();

    Doorbells& bells_;
    int source_;
    bool warnings_;
    UniqueFd warning_fd_;
    // Rings read minus messages received from ranks with a doorbell: above 0, a message is on
    // its way (its ring came first); below 0, a ring is on its way.
    long owed_ = 0;
    std::chrono::steady_clock::time_point last_message_{};
    IdleNap nap_;  // for peers without a doorbell
};

}  // namespace perfmatrix
