#include "orchestrator/run/mailbox.hpp"

#include "orchestrator/run/signals.hpp"

#include <sched.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/signalfd.h>

#include <algorithm>
#include <thread>

namespace perfmatrix {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// How long a ring's message may lag behind it before the receiver stops probing and sleeps in
// short naps instead: the sender sends right after ringing, but may lose its core in between.
constexpr auto probe_window = std::chrono::milliseconds(5);
constexpr auto owed_nap = milliseconds(1);
// A count of rings that no message follows (a sender that died between the two) is forgotten.
constexpr auto owed_forgotten = std::chrono::seconds(2);

UniqueFd warning_signal_fd() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);  // blocked in every thread (block_warning_signal)
    return UniqueFd(::signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK));
}

}  // namespace

Mailbox::Mailbox(Doorbells& bells, int source, bool warnings, const Topology* routes)
    : bells_(bells), source_(source), warnings_(warnings), routes_(routes) {
    bells_.watch(InterruptGuard::wake_fd());
    if (warnings_) {
        warning_fd_ = warning_signal_fd();
        bells_.watch(warning_fd_.get());
    }
}

// Relays still in flight (only an error path leaves any: finish_sends did not run) are let go,
// and their bytes kept for the rest of the process: MPI may still read them.
Mailbox::~Mailbox() {
    if (in_flight_.empty()) return;
    for (auto& f : in_flight_) MPI_Request_free(&f.request);
    [[maybe_unused]] auto* kept = new std::list<InFlight>(std::move(in_flight_));
}

void Mailbox::send(int dest, protocol::Tag tag, const std::string& payload) {
    const int hop = routes_ ? routes_->hop(dest) : dest;
    if (hop != dest) {
        outbox_[hop].push_back({dest, tag, payload});
        return;
    }
    if (const auto queued = outbox_.find(dest); queued != outbox_.end())
        relay_queued(dest, queued->second);  // first: MPI keeps the order of one sender's messages to one rank
    bells_.ring(dest);                       // first: see doorbells.hpp
    protocol::send(dest, tag, payload);
}

void Mailbox::relay(int dest, const std::vector<protocol::Frame>& frames) {
    auto& f = in_flight_.emplace_back();
    f.bytes = protocol::encode_frames(frames);
    bells_.ring(dest);
    MPI_Isend(f.bytes.data(), static_cast<int>(f.bytes.size()), MPI_CHAR, dest, protocol::relay, MPI_COMM_WORLD,
              &f.request);
    complete_sends();
}

void Mailbox::relay_queued(int leader, std::vector<protocol::Frame>& frames) {
    if (frames.empty()) return;
    relay(leader, frames);
    frames.clear();
}

void Mailbox::flush() {
    for (auto& [leader, frames] : outbox_) relay_queued(leader, frames);
    complete_sends();
}

void Mailbox::complete_sends() {
    for (auto it = in_flight_.begin(); it != in_flight_.end();) {
        int done = 0;
        MPI_Test(&it->request, &done, MPI_STATUS_IGNORE);
        it = done ? in_flight_.erase(it) : std::next(it);
    }
}

void Mailbox::finish_sends() {
    flush();
    const auto give_up = Clock::now() + std::chrono::seconds(10);
    while (!in_flight_.empty() && Clock::now() < give_up) {
        std::this_thread::sleep_for(std::chrono::microseconds(200));
        complete_sends();
    }
}

// What woke us: rings are counted; a signal's state lives in InterruptGuard, so its wake-ups
// are only emptied, or a level-triggered wait would return at once forever.
void Mailbox::take_wakeups() {
    bool signalled = false;
    owed_ += static_cast<long>(bells_.drain(&signalled));
    if (!signalled) return;  // two system calls a poll saved: rank 0 polls once per result
    InterruptGuard::drain_wake();
    if (warnings_) InterruptGuard::warning_received();  // takes every pending SIGUSR1
}

std::optional<protocol::Message> Mailbox::probe_briefly() {
    const auto until = Clock::now() + probe_window;
    do {
        sched_yield();  // the sender may be waiting for this core
        if (auto m = protocol::poll(source_, MPI_ANY_TAG)) return m;
    } while (Clock::now() < until);
    return std::nullopt;
}

std::optional<protocol::Message> Mailbox::poll() {
    flush();
    if (unpacked_.empty()) {
        auto m = receive();
        if (!m || m->tag != protocol::relay) return m;
        ++relays_received_;
        for (auto& f : protocol::decode_frames(m->payload))
            unpacked_.push_back({f.rank, f.tag, std::move(f.payload), true});
        frames_received_ += static_cast<long>(unpacked_.size());
        if (unpacked_.empty()) return std::nullopt;
    }
    auto m = std::move(unpacked_.front());
    unpacked_.pop_front();
    return m;
}

// Rings are read only once no message is pending: while messages come (rank 0 polls once per
// result), reading each one's ring first would cost two system calls a message. A ring left
// unread keeps the epoll set readable, so no wait sleeps past it, and the count of rings owed
// catches up when they are read.
std::optional<protocol::Message> Mailbox::receive() {
    auto m = protocol::poll(source_, MPI_ANY_TAG);
    if (!m) {
        take_wakeups();
        if (owed_ > 0) m = probe_briefly();
    }
    if (m) {
        if (bells_.has(m->source)) --owed_;
        last_message_ = Clock::now();
        nap_.reset();
    } else if (owed_ > 0 && Clock::now() - last_message_ > owed_forgotten) {
        owed_ = 0;
    }
    return m;
}

void Mailbox::wait(milliseconds at_most) {
    flush();
    if (!unpacked_.empty()) return;
    // A relay of rendezvous size leaves only while this rank calls into MPI: poll soon.
    if (!in_flight_.empty()) at_most = std::min(at_most, owed_nap);
    if (owed_ > 0)
        at_most = std::min(at_most, owed_nap);
    else if (!bells_.all())
        at_most = std::min(at_most, nap_.next());
    epoll_event ev{};
    ::epoll_wait(bells_.fd(), &ev, 1, static_cast<int>(std::max<long>(0, at_most.count())));
}

}  // namespace perfmatrix
