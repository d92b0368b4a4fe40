#pragma once
// Runner of `asio_timer` and its verification, callable on its own so tests can feed it a
// corrupted record.

#include "measure/model/runner.hpp"

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace perfmatrix::asio_bench {

// What a batch recorded per timer firing slot (round r, timer j at r * timers + j).
struct TimerRecord {
    std::vector<std::chrono::steady_clock::time_point> expiry;
    std::vector<std::chrono::steady_clock::time_point> fired;
    std::vector<std::uint8_t> fire_count;  // completions seen for the slot
    std::uint64_t errors = 0;              // completions with an error code (e.g. cancelled)
};

// Every timer fired exactly once, without error, and none before its expiry. Returns what
// differed, or nullopt.
std::optional<std::string> verify_timer_firings(const TimerRecord& record);

std::unique_ptr<Runner> make_asio_timer_runner();

}  // namespace perfmatrix::asio_bench
