#pragma once
// Runs one body on N threads at once and times them together. Threads are created and
// parked before the clock starts, so their creation (tens of microseconds, more under a
// sandboxed kernel) stays out of the measurement; the time runs from their release to the
// last one finishing.

#include <functional>

namespace perfmatrix::memory {

// body(thread_index) on `threads` threads; returns seconds from release to the last join.
// With pin, thread i is bound to the i-th CPU this process may run on (threads must not
// exceed that count: see allowed_cpu_count). body must not throw: it runs on its own thread.
double run_team(int threads, bool pin, const std::function<void(int)>& body);

int allowed_cpu_count();

}  // namespace perfmatrix::memory
