#pragma once
// What every asio kind's parameters share; typed reading itself is workers/param_reading.hpp.

#include "workers/model/kind.hpp"
#include "workers/param_reading.hpp"

#include <nlohmann/json.hpp>

namespace perfmatrix::asio_bench {

// `min_batch_time`: how long a calibrated batch must last. Every asio kind takes it.
ParamSpec min_batch_time_spec();
double read_min_batch_time(const nlohmann::json& params);

}  // namespace perfmatrix::asio_bench
