#pragma once
// SIGINT/SIGTERM become a flag that the loops poll: rank 0 stops handing out work, workers
// cancel their case (killing its process group), and everyone exits cleanly.
// SIGUSR1 (SLURM's warning before a time limit, which mpirun forwards to every rank) is only a
// warning: rank 0 stops handing out work and lets the cases in flight finish for a grace
// period; workers go on measuring until rank 0 cancels them.

namespace perfmatrix {

class InterruptGuard {
public:
    InterruptGuard();   // installs the handlers
    ~InterruptGuard();  // restores the previous ones
    InterruptGuard(const InterruptGuard&) = delete;
    InterruptGuard& operator=(const InterruptGuard&) = delete;

    static bool requested();
    static int signal_number();  // 0 when none was received
    // Rank 0 polls this; true from the first SIGUSR1 on. Takes the pending signal.
    static bool warning_received();
    // Readable once SIGINT/SIGTERM arrived (a self-pipe the handler writes to), so a rank that
    // sleeps in poll/epoll wakes for it without a timeout; -1 before the guard is installed.
    // drain_wake() empties it, so a level-triggered wait does not spin on a known interrupt.
    static int wake_fd();
    static void drain_wake();
};

// Blocks SIGUSR1 in the calling thread; call it before MPI_Init so that MPI's threads (and the
// perfmatrix-measure processes a rank starts) inherit the mask. A signal mpirun sends to the
// whole process group then stays pending instead of killing by its default action, and only
// rank 0 ever takes it (warning_received). The case's own processes start with an empty mask.
void block_warning_signal();

}  // namespace perfmatrix
