#include "orchestrator/helpers/helper_command.hpp"

#include "orchestrator/helpers/helper_output.hpp"

// How a helper starts: Boost.Process with use_vfork, which needs BOOST_POSIX_HAS_VFORK=1 (set for
// this file alone in helpers/CMakeLists.txt; without it use_vfork compiles but does not link).
// Boost.Process 1.74 forks by default, and fork copies this process's page tables, so its cost
// grows with our memory. bench/helper_spawn.cpp, on the 2-core gVisor VM (medians of 30, at load
// 4-6 from other builds), for bp::child's constructor (it returns once the child has exec'd):
//     heap        fork           use_vfork
//     small       0.4-3.9 ms     0.08 ms
//     256 MiB    26-44 ms        0.1-0.2 ms
//     2 GiB     150-210 ms       0.08 ms
// and run_helper's whole run of /bin/true 0.7-0.9 ms with either heap. The process that starts a
// helper is not always small (`report --html` draws its plots with the results file loaded; the
// project's notes saw 7-9 ms per fork here), so vfork.
// Its price: the child borrows this process's memory until exec. ChildSetup keeps to system calls
// that allocate nothing there, and blocks every signal around the call so that none runs one of
// our handlers on our memory from the child.

#include <boost/asio/buffer.hpp>
#include <boost/asio/error.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/process/async_pipe.hpp>
#include <boost/process/child.hpp>
#include <boost/process/exe.hpp>
#include <boost/process/extend.hpp>
#include <boost/process/io.hpp>
#include <boost/process/posix.hpp>

#include <fmt/format.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string_view>
#include <system_error>

namespace perfmatrix {
namespace {

namespace asio = boost::asio;
namespace bp = boost::process;
using Clock = std::chrono::steady_clock;

// How often should_stop is asked, and the longest wait for an exit nobody announced (a child whose
// escaped grandchild holds the pipe open).
constexpr auto kTick = std::chrono::milliseconds(100);
// Once every pipe has ended the exit follows within microseconds: look at once, then again
// this soon, backing off towards kTick (a helper that closed its output may still run long).
constexpr auto kFirstNap = std::chrono::microseconds(100);

// argv[0] as posix_spawnp would find it: with a '/', as is; else the first executable regular file
// of that name in PATH (unset: /bin:/usr/bin; an empty entry: the current directory). Empty when
// there is none.
std::string find_program(const std::string& name) {
    if (name.find('/') != std::string::npos) return name;
    const char* path = std::getenv("PATH");
    std::string_view dirs = path ? path : "/bin:/usr/bin";
    while (true) {
        const auto colon = dirs.find(':');
        const auto dir = dirs.substr(0, colon);
        const std::string candidate = fmt::format("{}/{}", dir.empty() ? "." : dir, name);
        struct stat st {};
        if (::stat(candidate.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(candidate.c_str(), X_OK) == 0)
            return candidate;
        if (colon == std::string_view::npos) return "";
        dirs.remove_prefix(colon + 1);
    }
}

std::vector<char*> argv_pointers(const std::vector<std::string>& argv) {
    std::vector<char*> out;
    out.reserve(argv.size() + 1);
    for (const auto& a : argv) out.push_back(const_cast<char*>(a.c_str()));  // execve does not write
    out.push_back(nullptr);
    return out;
}

// The child's environment: ours, with the command's variables set (the last of a name wins).
// Built here rather than with bp::environment: Boost.Process 1.74's basic_environment::find
// compares "NAME=" over the full length of each entry, past the end of shorter ones (ASan:
// heap-buffer-overflow).
class EnvironmentBlock {
public:
    explicit EnvironmentBlock(const std::vector<std::pair<std::string, std::string>>& set) {
        auto is_set = [&](std::string_view name, std::size_t from) {
            for (std::size_t i = from; i < set.size(); ++i)
                if (set[i].first == name) return true;
            return false;
        };
        for (char** entry = environ; *entry != nullptr; ++entry) {
            const std::string_view text(*entry);
            if (!is_set(text.substr(0, text.find('=')), 0)) entries_.emplace_back(text);
        }
        for (std::size_t i = 0; i < set.size(); ++i) {
            if (!is_set(set[i].first, i + 1)) entries_.push_back(set[i].first + "=" + set[i].second);
        }
        for (auto& e : entries_) pointers_.push_back(e.data());
        pointers_.push_back(nullptr);
    }
    EnvironmentBlock(const EnvironmentBlock&) = delete;
    EnvironmentBlock& operator=(const EnvironmentBlock&) = delete;

    char** envp() { return pointers_.data(); }

private:
    std::vector<std::string> entries_;  // "NAME=value"
    std::vector<char*> pointers_;
};

// What Boost.Process does not do by itself, on both sides of the start: argv and the environment
// as prepared here, the signal mask, and the child's group, signals and descriptors. Between
// vfork and exec only system calls that allocate nothing.
class ChildSetup : public bp::extend::handler {
public:
    ChildSetup(const std::vector<char*>& argv, EnvironmentBlock& environment)
        : argv_(argv), environment_(environment) {}

    template <class Executor>
    void on_setup(Executor& e) {
        // bp::exe makes argv[0] the resolved path; posix_spawnp, which this replaces, passed it
        // as given (a pyenv shim looks at its own name). The exe initializer ran already: Boost
        // puts built initializers before plain ones.
        e.cmd_line = argv_.data();
        e.env = environment_.envp();
        sigset_t all;
        sigfillset(&all);
        blocked_ = ::pthread_sigmask(SIG_BLOCK, &all, &saved_mask_) == 0;
    }

    template <class Executor>
    void on_exec_setup(Executor&) const {
        // Its own group: a timeout kills the helper's whole tree, and a Ctrl-C meant for us
        // does not reach it twice.
        ::setpgid(0, 0);
        // Default dispositions, then an empty mask: what this process ignores, catches or
        // blocks (MPI, orchestrator/run/signals.cpp) is not the helper's business.
        struct sigaction default_action {};
        default_action.sa_handler = SIG_DFL;
        for (int s = 1; s < NSIG; ++s) ::sigaction(s, &default_action, nullptr);  // SIGKILL etc. refuse: fine
        sigset_t none;
        sigemptyset(&none);
        ::sigprocmask(SIG_SETMASK, &none, nullptr);
        // No descriptor of ours beyond 0-2 (MPI's sockets, another helper's pipe). Marked
        // close-on-exec rather than closed: what the start itself uses until exec stays (the
        // exec-error pipe, were Boost.Process to fork). A kernel without close_range leaves it
        // to everyone's O_CLOEXEC.
        ::close_range(3, ~0U, CLOSE_RANGE_CLOEXEC);
    }

    template <class Executor>
    void on_success(Executor&) {
        restore_mask();
    }

    template <class Executor>
    void on_error(Executor& e, const std::error_code&) {
        restore_mask();
        // Boost.Process 1.74 hands back an empty child when exec failed but leaves the one it
        // made (already exiting) unreaped.
        if (e.pid > 0) {
            ::kill(e.pid, SIGKILL);
            while (::waitpid(e.pid, nullptr, 0) < 0 && errno == EINTR) {
            }
        }
    }

private:
    void restore_mask() {
        if (blocked_) ::pthread_sigmask(SIG_SETMASK, &saved_mask_, nullptr);
        blocked_ = false;
    }

    const std::vector<char*>& argv_;
    EnvironmentBlock& environment_;
    sigset_t saved_mask_{};
    bool blocked_ = false;
};

// The started helper and its group: killed and reaped on every way out, exceptions included.
class HelperChild {
public:
    explicit HelperChild(bp::child child) : child_(std::move(child)), pid_(child_.id()) {}
    ~HelperChild() {
        if (reaped_) return;
        kill_group();
        std::error_code ignored;
        child_.wait(ignored);
    }
    HelperChild(const HelperChild&) = delete;
    HelperChild& operator=(const HelperChild&) = delete;

    void kill_group() const { ::kill(-pid_, SIGKILL); }

    // True once the helper has exited, without reaping it: until reaped its pid (its group's
    // id) cannot be reused, so kill_group() stays safe.
    bool exited() {
        siginfo_t info{};
        int r;
        do {
            r = ::waitid(P_PID, static_cast<id_t>(pid_), &info, WEXITED | WNOWAIT | WNOHANG);
        } while (r < 0 && errno == EINTR);
        if (r != 0) {
            reaped_ = true;  // by someone else: its pid may belong to another process by now
            throw std::system_error(errno, std::generic_category(),
                                    "waitid: a helper command was reaped elsewhere (is SIGCHLD set to SIG_IGN?)");
        }
        return info.si_pid == pid_;
    }

    // Kills what the helper left in its group, then reaps it; its wait status.
    int reap() {
        kill_group();
        std::error_code ec;
        child_.wait(ec);
        reaped_ = true;
        if (ec) throw std::system_error(ec, "waitpid on a helper command");
        return child_.native_exit_code();
    }

private:
    bp::child child_;
    pid_t pid_;
    bool reaped_ = false;
};

// One of the helper's output pipes, read as data comes. Once the helper has exited, stop()
// cancels the read in progress and drain() takes what is left without waiting for an end of
// stream (a grandchild holding the pipe would delay that). Cancelling, not io_context::stop():
// a read that completed keeps its data in a queued handler, which stop() would never run.
class PipeReader {
public:
    PipeReader(bp::async_pipe& pipe, OutputCollector& output, std::function<void()> on_end)
        : pipe_(pipe), output_(output), on_end_(std::move(on_end)) {}

    void start() {
        pipe_.async_read_some(asio::buffer(buffer_), [this](const boost::system::error_code& ec, std::size_t n) {
            if (n > 0) output_.feed(std::string_view(buffer_.data(), n));
            if (ec == asio::error::operation_aborted) return;  // stopped; drain() follows
            if (ec) {
                open_ = false;
                on_end_();
                return;
            }
            if (!stopped_) start();
        });
    }
    bool open() const { return open_; }

    void stop() {
        stopped_ = true;
        if (open_) pipe_.cancel();
    }

    void drain() {
        if (!open_) return;
        const int fd = pipe_.native_source();
        ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
        while (true) {
            const ssize_t n = ::read(fd, buffer_.data(), buffer_.size());
            if (n > 0) {
                output_.feed(std::string_view(buffer_.data(), static_cast<std::size_t>(n)));
            } else if (n < 0 && errno == EINTR) {
                continue;
            } else {
                break;
            }
        }
    }

private:
    bp::async_pipe& pipe_;
    OutputCollector& output_;
    std::function<void()> on_end_;
    std::array<char, 4096> buffer_{};
    bool open_ = true;
    bool stopped_ = false;
};

// A child started meanwhile by another thread (a concurrent probe, a measured child) must not
// inherit our pipe ends. Boost.Process 1.74 makes them with pipe(2), not pipe2(O_CLOEXEC).
void set_close_on_exec(bp::async_pipe& pipe) {
    for (const int fd : {pipe.native_source(), pipe.native_sink()}) {
        if (::fcntl(fd, F_SETFD, FD_CLOEXEC) != 0)
            throw std::system_error(errno, std::generic_category(), "fcntl FD_CLOEXEC on a helper's pipe");
    }
}

void record_status(int status, HelperRun& run) {
    if (WIFEXITED(status)) {
        run.end = HelperRun::End::exited;
        run.exit_code = WEXITSTATUS(status);
    } else {
        run.end = HelperRun::End::signaled;
        run.signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
    }
}

std::string spawn_error_text(const std::string& program, int error) {
    return fmt::format("cannot execute '{}': {}", program, std::strerror(error));
}

}  // namespace

std::string HelperRun::failure(double timeout) const {
    switch (end) {
        case End::exited: return exit_code == 0 ? "" : fmt::format("exited with code {}", exit_code);
        case End::signaled: return fmt::format("killed by signal {} ({})", signal, ::strsignal(signal));
        case End::timed_out: return fmt::format("no end within {} s (killed)", timeout);
        case End::stopped: return "interrupted";
        case End::spawn_failed: return spawn_error;
    }
    return "failed";
}

HelperRun run_helper(const HelperCommand& command) {
    HelperRun run;
    if (command.argv.empty()) {
        run.spawn_error = "cannot execute an empty command";
        return run;
    }
    const std::string& name = command.argv.front();
    const std::string program = find_program(name);
    if (program.empty()) {
        run.spawn_error = spawn_error_text(name, ENOENT);
        return run;
    }

    asio::io_context io;  // first in, last out: the pipes and timers below go before it
    bp::async_pipe out(io);
    std::optional<bp::async_pipe> err;
    set_close_on_exec(out);
    if (!command.merge_stderr) {
        err.emplace(io);
        set_close_on_exec(*err);
    }
    EnvironmentBlock environment(command.env);
    const auto argv = argv_pointers(command.argv);
    ChildSetup setup(argv, environment);
    std::error_code spawn_error;
    const auto start = Clock::now();
    auto child = command.merge_stderr
                     ? bp::child(bp::exe = program, bp::std_in<bp::null, (bp::std_out & bp::std_err)> out, setup,
                                 bp::posix::use_vfork, spawn_error)
                     : bp::child(bp::exe = program, bp::std_in<bp::null, bp::std_out> out, bp::std_err > *err, setup,
                                 bp::posix::use_vfork, spawn_error);
    if (spawn_error || !child.valid()) {
        run.spawn_error = spawn_error ? spawn_error_text(name, spawn_error.value())
                                      : fmt::format("cannot execute '{}'", name);
        return run;
    }
    HelperChild helper(std::move(child));

    OutputCollector stdout_output(command.keep_bytes, command.keep_lines, command.on_line);
    OutputCollector stderr_output(command.keep_bytes, 0);
    asio::steady_timer deadline(io), tick(io);
    std::vector<PipeReader*> readers;
    std::optional<HelperRun::End> ended_by_us;
    bool exited = false;
    auto end_it = [&](HelperRun::End why) {
        if (ended_by_us) return;
        ended_by_us = why;
        helper.kill_group();
    };
    // Once the helper has exited nothing is left to wait for: io.run() returns when the
    // handlers cancelled here have run.
    auto on_exit = [&] {
        exited = true;
        deadline.cancel();
        tick.cancel();
        for (auto* r : readers) r->stop();
    };
    // Watches for the exit (and a stop request): every kTick while output flows, then, once
    // every pipe has ended, from kFirstNap up, doubling.
    Clock::duration nap = kTick;
    std::function<void()> arm_tick = [&] {
        tick.expires_after(nap);
        tick.async_wait([&](const boost::system::error_code& ec) {
            if (ec) return;  // re-armed sooner
            if (command.should_stop && command.should_stop()) end_it(HelperRun::End::stopped);
            if (helper.exited()) {
                on_exit();
                return;
            }
            nap = std::min<Clock::duration>(nap * 2, kTick);
            arm_tick();
        });
    };
    auto pipe_ended = [&] {
        if (exited) return;
        for (const auto* r : readers)
            if (r->open()) return;
        if (helper.exited()) {
            on_exit();
            return;
        }
        nap = kFirstNap;
        arm_tick();
    };
    PipeReader stdout_reader(out, stdout_output, pipe_ended);
    std::optional<PipeReader> stderr_reader;
    readers.push_back(&stdout_reader);
    if (err) readers.push_back(&stderr_reader.emplace(*err, stderr_output, pipe_ended));

    if (command.timeout > 0) {
        deadline.expires_at(
            start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(command.timeout)));
        deadline.async_wait([&](const boost::system::error_code& ec) {
            if (!ec) end_it(HelperRun::End::timed_out);
        });
    }
    for (auto* r : readers) r->start();
    arm_tick();
    io.run();

    for (auto* r : readers) r->drain();
    stdout_output.finish();
    const int status = helper.reap();
    run.last_lines = stdout_output.lines();
    run.stdout_tail = stdout_output.tail();
    run.stderr_tail = stderr_output.tail();
    if (ended_by_us) {
        run.end = *ended_by_us;
        return run;
    }
    record_status(status, run);
    return run;
}

}  // namespace perfmatrix
