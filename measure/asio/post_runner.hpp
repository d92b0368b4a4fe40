#pragma once
// Runner of `asio_post` and its verification, callable on its own so tests can feed it a
// corrupted count.

#include "measure/model/runner.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace perfmatrix::asio_bench {

// runs[i] is how many times handler i ran in a batch: every one must be exactly 1. Returns
// what differed, or nullopt.
std::optional<std::string> verify_handler_runs(const std::vector<std::uint8_t>& runs);

std::unique_ptr<Runner> make_asio_post_runner();

}  // namespace perfmatrix::asio_bench
