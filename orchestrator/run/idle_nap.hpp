#pragma once
// How a rank waits for MPI messages without disturbing measurements on its node. MPI's own
// blocking receive busy-polls a core; instead, poll and sleep, starting at 1 ms after activity
// and backing off to 10 ms while nothing happens: ~100 wake-ups a second when idle, and at
// most 10 ms of latency on a case that lasts far longer.

#include <algorithm>
#include <chrono>
#include <ctime>

namespace perfmatrix {

class IdleNap {
public:
    void operator()() {
        const timespec t{0, nap_ns_};
        nanosleep(&t, nullptr);
        nap_ns_ = std::min(nap_ns_ * 2, max_ns);
    }
    void reset() { nap_ns_ = min_ns; }  // something happened: stay responsive
    // The next nap's length, for a caller that sleeps in its own wait (poll, epoll).
    std::chrono::milliseconds next() {
        const auto ms = std::chrono::milliseconds(nap_ns_ / 1'000'000);
        nap_ns_ = std::min(nap_ns_ * 2, max_ns);
        return ms;
    }

private:
    static constexpr long min_ns = 1'000'000;
    static constexpr long max_ns = 10'000'000;
    long nap_ns_ = min_ns;
};

}  // namespace perfmatrix
