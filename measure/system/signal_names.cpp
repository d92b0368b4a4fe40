#include "measure/system/signal_names.hpp"

#include <fmt/format.h>

#include <array>
#include <csignal>
#include <utility>

namespace perfmatrix {
namespace {

// Our own table rather than sigabbrev_np: that needs glibc 2.32, and GPU clusters often run older.
constexpr std::array<std::pair<const char*, int>, 20> kSignals{{
    {"HUP", SIGHUP},   {"INT", SIGINT},   {"QUIT", SIGQUIT}, {"ILL", SIGILL},   {"TRAP", SIGTRAP},
    {"ABRT", SIGABRT}, {"BUS", SIGBUS},   {"FPE", SIGFPE},   {"KILL", SIGKILL}, {"USR1", SIGUSR1},
    {"SEGV", SIGSEGV}, {"USR2", SIGUSR2}, {"PIPE", SIGPIPE}, {"ALRM", SIGALRM}, {"TERM", SIGTERM},
    {"CHLD", SIGCHLD}, {"CONT", SIGCONT}, {"STOP", SIGSTOP}, {"XCPU", SIGXCPU}, {"SYS", SIGSYS},
}};

// Signals that can end a process when sent as a teardown request. STOP/CONT/CHLD would leave
// the child running until the timeout, and the fault signals make no sense to send.
constexpr std::array<int, 8> kTeardownSignals{SIGHUP, SIGINT, SIGQUIT, SIGKILL, SIGUSR1, SIGUSR2, SIGALRM, SIGTERM};

bool is_teardown_signal(int signo) {
    for (int s : kTeardownSignals) {
        if (s == signo) return true;
    }
    return false;
}

}  // namespace

std::optional<int> parse_signal_name(std::string_view name) {
    if (name.starts_with("SIG")) name.remove_prefix(3);
    for (const auto& [text, signo] : kSignals) {
        if (name == text && is_teardown_signal(signo)) return signo;
    }
    return std::nullopt;
}

std::string signal_name(int signo) {
    for (const auto& [text, number] : kSignals) {
        if (number == signo) return fmt::format("SIG{}", text);
    }
    return fmt::format("SIG{}", signo);
}

std::string describe_signal(int signo) { return fmt::format("signal {} ({})", signo, signal_name(signo)); }

}  // namespace perfmatrix
