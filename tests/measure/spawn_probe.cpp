// Prints the posix_spawn call time of /bin/true, in seconds, once per line, N times.
// The heap test runs it as its heap-free baseline, interleaved with its own measurements so
// both see the same machine load.
#include "measure/system/process.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>

int main(int argc, char** argv) {
    const int n = argc > 1 ? std::atoi(argv[1]) : 1;
    perfmatrix::ProcessSpec spec;
    spec.argv = {"/bin/true"};
    perfmatrix::WatchSpec watch;
    watch.timeout = 20;
    for (int i = 0; i < n; ++i) {
        const auto r = perfmatrix::run_process(spec, watch);
        if (r.ending != perfmatrix::Ending::exited || r.exit_code != 0) return 1;
        std::printf("%.9f\n", std::chrono::duration<double>(r.times.spawn_end - r.times.spawn_begin).count());
    }
    return 0;
}
