#include "orchestrator/run/signals.hpp"

#include <cerrno>
#include <csignal>
#include <ctime>
#include <fcntl.h>
#include <pthread.h>
#include <unistd.h>

namespace perfmatrix {
namespace {

volatile std::sig_atomic_t g_signal = 0;
struct sigaction g_old_int {};
struct sigaction g_old_term {};
int g_wake[2] = {-1, -1};  // the self-pipe: [0] is watched, [1] written by the handler

extern "C" void on_interrupt(int sig) {
    g_signal = sig;
    const int saved = errno;  // write may set it; the interrupted code may be reading it
    if (g_wake[1] >= 0) {
        const ssize_t n = ::write(g_wake[1], "!", 1);  // full pipe: it is readable already
        (void)n;
    }
    errno = saved;
}

}  // namespace

InterruptGuard::InterruptGuard() {
    g_signal = 0;
    // Non-blocking both ways: a full pipe must not block the handler, nor an empty one drain().
    if (::pipe2(g_wake, O_CLOEXEC | O_NONBLOCK) != 0) g_wake[0] = g_wake[1] = -1;
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
    for (int& fd : g_wake) {
        if (fd >= 0) ::close(fd);
        fd = -1;
    }
}

int InterruptGuard::wake_fd() { return g_wake[0]; }

void InterruptGuard::drain_wake() {
    char buf[64];
    if (g_wake[0] < 0) return;
    while (::read(g_wake[0], buf, sizeof buf) > 0) {
    }
}

bool InterruptGuard::requested() { return g_signal != 0; }

bool InterruptGuard::warning_received() {
    static bool received = false;
    sigset_t warning;
    sigemptyset(&warning);
    sigaddset(&warning, SIGUSR1);
    const timespec now{0, 0};
    // Every pending one is taken, the later ones too: a rank that sleeps on a signalfd of
    // SIGUSR1 (mailbox.hpp) would otherwise find it readable for ever.
    while (sigtimedwait(&warning, nullptr, &now) == SIGUSR1) received = true;
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
