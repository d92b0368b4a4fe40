#include "orchestrator/run/progress.hpp"

#include <fmt/format.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <iterator>
#include <stdexcept>
#include <unistd.h>

namespace perfmatrix {
namespace {

std::string format_eta(double seconds) {
    const long s = std::lround(seconds);
    if (s < 60) return fmt::format("{}s", s);
    if (s < 3600) return fmt::format("{}m{:02}s", s / 60, s % 60);
    return fmt::format("{}h{:02}m", s / 3600, (s % 3600) / 60);
}

bool is_terminal_device(const std::string& path) {
    return path.starts_with("/dev/pts/") || path.starts_with("/dev/tty") || path == "/dev/console";
}

// Under mpirun a rank's stderr is a pipe to mpirun whatever the user's terminal is, so ask
// where the launcher's own stderr goes: rank 0 is mpirun's child on the node mpirun runs on.
bool launcher_stderr_is_terminal() {
    if (std::getenv("OMPI_COMM_WORLD_RANK") == nullptr) return false;
    std::error_code ec;
    const auto target = std::filesystem::read_symlink(fmt::format("/proc/{}/fd/2", getppid()), ec);
    return !ec && is_terminal_device(target.string());
}

bool reaches_terminal(std::FILE* out) {
    return isatty(fileno(out)) || (out == stderr && launcher_stderr_is_terminal());
}

}  // namespace

ProgressMode parse_progress_mode(const std::string& s) {
    if (s == "auto") return ProgressMode::automatic;
    if (s == "tty") return ProgressMode::terminal;
    if (s == "lines") return ProgressMode::lines;
    if (s == "none") return ProgressMode::none;
    throw std::invalid_argument("progress must be auto, tty, lines or none");
}

Progress::Progress(ProgressMode mode, std::size_t total, std::FILE* out) : mode_(mode), total_(total), out_(out) {
    if (mode_ == ProgressMode::automatic) mode_ = reaches_terminal(out_) ? ProgressMode::terminal : ProgressMode::lines;
}

Progress::~Progress() {
    flush();
    if (mode_ == ProgressMode::terminal) {
        clear_line();
        std::fflush(out_);
    }
}

void Progress::clear_line() { std::fputs("\r\033[K", out_); }

void Progress::draw(std::size_t running) {
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    const std::size_t left = total_ - done_;
    std::string eta = "?";
    if (done_ > 0) eta = format_eta(elapsed / static_cast<double>(done_) * static_cast<double>(left));
    clear_line();
    fmt::print(out_, "[perfmatrix] {}/{} done, {} running, {} left, elapsed {}, ETA {}", done_, total_, running,
               left - running, format_eta(elapsed), eta);
    std::fflush(out_);
}

// A redraw per case would cost more than the case at thousands a second; a state held back is
// drawn by the next call after the interval, or by flush(). The last case's is drawn at once.
void Progress::draw_if_due(std::size_t running) {
    running_ = running;
    stale_ = true;
    const auto now = std::chrono::steady_clock::now();
    if (now - drawn_ < std::chrono::milliseconds(100) && done_ < total_) return;
    drawn_ = now;
    draw(running);
    stale_ = false;
}

void Progress::started(std::size_t running) {
    if (mode_ == ProgressMode::terminal) draw_if_due(running);
}

void Progress::finished(const std::string& label, const std::string& status, double seconds, const std::string& where,
                        std::size_t running) {
    ++done_;
    if (mode_ == ProgressMode::terminal) {
        if (status != "ok") {
            clear_line();
            fmt::print(out_, "{}: {}\n", label, status);
            drawn_ = {};  // the line was cleared: draw it again now
        }
        draw_if_due(running);
    } else if (mode_ == ProgressMode::lines) {
        fmt::format_to(std::back_inserter(lines_), "[{}/{}] {} {} {:.2f}s on {}\n", done_, total_, label, status,
                       seconds, where);
    }
}

void Progress::flush() {
    if (!lines_.empty()) {
        std::fwrite(lines_.data(), 1, lines_.size(), out_);
        std::fflush(out_);
        lines_.clear();
    }
    if (mode_ == ProgressMode::terminal && stale_) draw_if_due(running_);
}

void Progress::note(const std::string& line) {
    if (mode_ == ProgressMode::none) return;
    flush();
    if (mode_ == ProgressMode::terminal) clear_line();
    fmt::print(out_, "{}\n", line);
    std::fflush(out_);
}

}  // namespace perfmatrix
