// The floor under the spawn kind: a bare posix_spawn + wait4 loop, nothing else. Each sample
// is timed as the spawn kind times wall_time (steady_clock just before posix_spawn, just after
// wait4 returns), with the child's rusage collected and its exit status checked, so the only
// difference left is what perfmatrix adds. bench/spawn_floor.sh runs it against
// perfmatrix-measure.
//
//   build/bench/spawn_floor SAMPLES [WARMUP] -- PROGRAM [ARGS...]
//
// Prints one sample (seconds) a line; exits 1 when a child fails to start or exits non-zero.

#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string_view>
#include <vector>

extern char** environ;

namespace {

using Clock = std::chrono::steady_clock;

// One spawn of argv, timed; negative when it failed.
double one_spawn(char* const* argv) {
    pid_t pid = -1;
    const auto begin = Clock::now();
    const int rc = posix_spawn(&pid, argv[0], nullptr, nullptr, argv, environ);
    if (rc != 0) {
        std::fprintf(stderr, "posix_spawn %s: %s\n", argv[0], std::strerror(rc));
        return -1;
    }
    int wstatus = 0;
    rusage ru{};
    while (::wait4(pid, &wstatus, 0, &ru) < 0) {
        if (errno != EINTR) return -1;
    }
    const auto end = Clock::now();
    if (!WIFEXITED(wstatus) || WEXITSTATUS(wstatus) != 0) {
        std::fprintf(stderr, "%s: did not exit 0 (status %d)\n", argv[0], wstatus);
        return -1;
    }
    return std::chrono::duration<double>(end - begin).count();
}

}  // namespace

int main(int argc, char** argv) {
    int separator = 1;
    while (separator < argc && std::string_view(argv[separator]) != "--") ++separator;
    if (separator < 2 || separator + 1 >= argc) {
        std::fprintf(stderr, "usage: spawn_floor SAMPLES [WARMUP] -- PROGRAM [ARGS...]\n");
        return 2;
    }
    const int samples = std::atoi(argv[1]);
    const int warmup = separator > 2 ? std::atoi(argv[2]) : 0;
    if (samples <= 0 || warmup < 0) {
        std::fprintf(stderr, "spawn_floor: SAMPLES must be > 0 and WARMUP >= 0\n");
        return 2;
    }
    char* const* child = argv + separator + 1;
    std::vector<double> times;
    times.reserve(static_cast<std::size_t>(samples));
    for (int i = 0; i < warmup + samples; ++i) {
        const double t = one_spawn(child);
        if (t < 0) return 1;
        if (i >= warmup) times.push_back(t);
    }
    for (const double t : times) std::printf("%.9f\n", t);
    return 0;
}
