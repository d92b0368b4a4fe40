#pragma once
// Runner of `asio_coroutine` and its verification, callable on its own so tests can feed it
// a corrupted tally.

#include "measure/asio/coroutine_params.hpp"
#include "measure/model/runner.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace perfmatrix::asio_bench {

// What the coroutines of one batch observed.
struct SwitchTally {
    std::uint64_t switches = 0;     // resumptions counted
    std::uint64_t out_of_turn = 0;  // ping_pong: a coroutine resumed when it was not its turn
    std::uint64_t value_sum = 0;    // ready: sum of the values the awaits returned
};

// ping_pong: `switches` resumptions, strictly alternating; ready: every await returned its
// value (0 + 1 + ... + switches-1). Returns what differed, or nullopt.
std::optional<std::string> verify_switches(CoroutineMode mode, std::uint64_t switches, const SwitchTally& tally);

std::unique_ptr<Runner> make_asio_coroutine_runner();

}  // namespace perfmatrix::asio_bench
