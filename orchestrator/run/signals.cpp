#include "orchestrator/run/signals.hpp"

#include <csignal>
#include <ctime>
#include <pthread.h>

namespace perfmatrix {
namespace {

volatile std::sig_atomic_t g_signal = 0;
struct sigaction g_old_int {};
struct sigaction g_old_term {};

extern "C" void on_interrupt(int sig) { g_signal = sig; }

}  // namespace

InterruptGuard::InterruptGuard() {
    g_signal = 0;
    struct sigaction sa {};
    sa.sa_handler = on_interrupt;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGINT, &sa, &g_old_int);
    sigaction(SIGTERM, &sa, &g_old_term);
}

InterruptGuard::~InterruptGuard() {
    sigaction(SIGINT, &g_old_int, nullptr);
    sigaction(SIGTERM, &g_old_term, nullptr);
}

bool InterruptGuard::requested() { return g_signal != 0; }

bool InterruptGuard::warning_received() {
    static bool received = false;
    if (received) return true;
    sigset_t warning;
    sigemptyset(&warning);
    sigaddset(&warning, SIGUSR1);
    const timespec now{0, 0};
    received = sigtimedwait(&warning, nullptr, &now) == SIGUSR1;
    return received;
}

void block_warning_signal() {
    sigset_t warning;
    sigemptyset(&warning);
    sigaddset(&warning, SIGUSR1);
    pthread_sigmask(SIG_BLOCK, &warning, nullptr);
}
int InterruptGuard::signal_number() { return static_cast<int>(g_signal); }

}  // namespace perfmatrix
