#include "measure/memory/thread_team.hpp"

#include <pthread.h>
#include <sched.h>

#include <chrono>
#include <latch>
#include <stdexcept>
#include <thread>
#include <vector>

namespace perfmatrix::memory {
namespace {

std::vector<int> allowed_cpus() {
    cpu_set_t set;
    CPU_ZERO(&set);
    std::vector<int> cpus;
    if (sched_getaffinity(0, sizeof set, &set) != 0) return cpus;
    for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu) {
        if (CPU_ISSET(cpu, &set)) cpus.push_back(cpu);
    }
    return cpus;
}

void pin_thread(std::thread& t, int cpu) {
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    if (pthread_setaffinity_np(t.native_handle(), sizeof set, &set) != 0) {
        throw std::runtime_error("could not pin a thread to CPU " + std::to_string(cpu));
    }
}

}  // namespace

int allowed_cpu_count() { return static_cast<int>(allowed_cpus().size()); }

double run_team(int threads, bool pin, const std::function<void(int)>& body) {
    const auto cpus = pin ? allowed_cpus() : std::vector<int>{};
    if (pin && static_cast<int>(cpus.size()) < threads) {
        throw std::runtime_error("pin: more threads than CPUs this process may use");
    }
    std::latch start(1);
    bool cancelled = false;  // written before the latch opens, read after: the latch orders it
    std::vector<std::thread> team;
    team.reserve(static_cast<std::size_t>(threads));
    // If pinning fails, the parked threads must still be released (told to skip the body)
    // and joined, or the process would hang or terminate.
    try {
        for (int i = 0; i < threads; ++i) {
            team.emplace_back([&start, &cancelled, &body, i] {
                start.wait();
                if (!cancelled) body(i);
            });
            if (pin) pin_thread(team.back(), cpus[static_cast<std::size_t>(i)]);
        }
    } catch (...) {
        cancelled = true;
        start.count_down();
        for (auto& t : team) t.join();
        throw;
    }
    const auto t0 = std::chrono::steady_clock::now();
    start.count_down();
    for (auto& t : team) t.join();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace perfmatrix::memory
