#pragma once
// Runs fn(0) … fn(count - 1) on the machine's cores. The analysis of a large file is many
// independent cases (a summary each, a test and a bootstrap per pair), and a 2-core machine
// halves its time this way. Each index runs exactly once; the order is not defined, so fn
// writes only its own slot. The first exception thrown by fn is rethrown after every
// thread has stopped (the remaining indices are skipped).

#include <cstddef>
#include <functional>

namespace perfmatrix {

void parallel_for(std::size_t count, const std::function<void(std::size_t)>& fn);

}  // namespace perfmatrix
