#pragma once
// Small builders shared by the process tests.

#include "measure/system/process.hpp"

#include <chrono>
#include <string>
#include <utility>
#include <vector>

namespace perfmatrix::test {

inline ProcessSpec sh(const std::string& script) {
    ProcessSpec spec;
    spec.argv = {"/bin/sh", "-c", script};
    return spec;
}

inline ProcessSpec command(std::vector<std::string> argv) {
    ProcessSpec spec;
    spec.argv = std::move(argv);
    return spec;
}

inline WatchSpec timeout_after(double seconds) {
    WatchSpec watch;
    watch.timeout = seconds;
    return watch;
}

inline double seconds(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double>(b - a).count(); }

inline double wall(const ProcessResult& r) { return seconds(r.times.spawn_begin, r.times.reaped); }

}  // namespace perfmatrix::test
