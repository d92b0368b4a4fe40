#include "orchestrator/run/mailbox.hpp"

#include "orchestrator/run/signals.hpp"

#include <sched.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/signalfd.h>

#include <algorithm>

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

Mailbox::Mailbox(Doorbells& bells, int source, bool warnings) : bells_(bells), source_(source), warnings_(warnings) {
    bells_.watch(InterruptGuard::wake_fd());
    if (warnings_) {
        warning_fd_ = warning_signal_fd();
        bells_.watch(warning_fd_.get());
    }
}

void Mailbox::send(int dest, protocol::Tag tag, const std::string& payload) {
    bells_.ring(dest);  // first: see doorbells.hpp
    protocol::send(dest, tag, payload);
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
    take_wakeups();
    auto m = protocol::poll(source_, MPI_ANY_TAG);
    if (!m && owed_ > 0) m = probe_briefly();
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
    if (owed_ > 0)
        at_most = std::min(at_most, owed_nap);
    else if (!bells_.all())
        at_most = std::min(at_most, nap_.next());
    epoll_event ev{};
    ::epoll_wait(bells_.fd(), &ev, 1, static_cast<int>(std::max<long>(0, at_most.count())));
}

}  // namespace perfmatrix
