#pragma once
// The measurement floor under start-up figures: what the spawn kind measures for a program that
// does nothing. A start-up time is only meaningful well above it, so each rank measures it once
// when it starts (measure/host_probe.cpp) and the report prints it beside start-up cases.

#include <optional>
#include <string_view>

namespace perfmatrix {

// The rank_environment key of the floor: the median in seconds, e.g. "0.000462".
inline constexpr std::string_view kSpawnFloorKey = "measure.spawn_floor";
inline constexpr std::string_view kSpawnFloorProgram = "/bin/true";

// The median wall time (posix_spawn to reaped, as the spawn kind times it, through the same
// code) of `samples` runs of `program` after two warm-ups; nullopt when it does not run or
// exit 0 (a floor of a failing program would be no floor).
std::optional<double> measure_spawn_floor(int samples, std::string_view program = kSpawnFloorProgram);

}  // namespace perfmatrix
