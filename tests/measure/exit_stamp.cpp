// Prints CLOCK_MONOTONIC in nanoseconds, then exits at once: the parent compares this with
// the moment it reaped us to measure how promptly it observes an exit.
#include <time.h>
#include <unistd.h>

#include <cstdio>

int main() {
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    std::printf("%lld\n", static_cast<long long>(ts.tv_sec) * 1000000000LL + ts.tv_nsec);
    std::fflush(stdout);
    _exit(0);
}
