#pragma once
// Sizing a batch of calls to one in-process function (blas, torch, cuda): how many calls one
// timed batch makes, and how often the loop making them checks its deadline and stop request.
// In-process work cannot be killed from outside, so those loops poll; the checks come about
// 1 ms of work apart, which keeps their cost far below a batch's and a stop prompt.

#include "measure/sampling.hpp"

#include <cstdint>
#include <functional>
#include <variant>

namespace perfmatrix {

struct CallBatchPlan {
    std::uint64_t calls = 1;        // calls per timed batch
    std::uint64_t check_every = 1;  // calls between deadline/stop checks
};

// Makes `calls` calls, checking every `check_every`: their seconds, or the failure (timeout,
// interrupted) a check found.
using TimeCalls = std::function<std::variant<double, SampleResult>(std::uint64_t calls, std::uint64_t check_every)>;

// Grows the calls (up to max_calls) until one batch lasts at least min_batch_time. Before the
// cost of a call is known, the checks come every 1/16 of a batch.
std::variant<CallBatchPlan, SampleResult> plan_call_batch(const TimeCalls& time_calls, double min_batch_time,
                                                          std::uint64_t max_calls);

}  // namespace perfmatrix
