#pragma once
// SIGINT/SIGTERM become a flag that the loops poll: rank 0 stops handing out work, workers
// cancel their case (killing its process group), and everyone exits cleanly.

namespace perfmatrix {

class InterruptGuard {
public:
    InterruptGuard();   // installs the handlers
    ~InterruptGuard();  // restores the previous ones
    InterruptGuard(const InterruptGuard&) = delete;
    InterruptGuard& operator=(const InterruptGuard&) = delete;

    static bool requested();
    static int signal_number();  // 0 when none was received
};

}  // namespace perfmatrix
