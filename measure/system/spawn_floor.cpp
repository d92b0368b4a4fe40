#include "measure/system/spawn_floor.hpp"

#include "measure/system/process.hpp"

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

namespace perfmatrix {

std::optional<double> measure_spawn_floor(int samples, std::string_view program) {
    // Two warm-ups: the first spawn also pays for the program's pages coming into the cache.
    constexpr int warmup = 2;
    if (samples <= 0) return std::nullopt;
    ProcessSpec spec;
    spec.argv = {std::string(program)};
    WatchSpec watch;
    watch.timeout = 10;
    std::vector<double> wall;
    wall.reserve(static_cast<std::size_t>(samples));
    for (int i = 0; i < warmup + samples; ++i) {
        const ProcessResult r = run_process(spec, watch);
        if (r.ending != Ending::exited || r.exit_code != 0) return std::nullopt;
        if (i >= warmup) wall.push_back(std::chrono::duration<double>(r.times.reaped - r.times.spawn_begin).count());
    }
    const auto middle = wall.begin() + static_cast<std::ptrdiff_t>(wall.size() / 2);
    std::nth_element(wall.begin(), middle, wall.end());
    return *middle;
}

}  // namespace perfmatrix
