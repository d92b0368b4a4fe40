#include "orchestrator/run/rank0_profile.hpp"

#include <fmt/format.h>

#include <numeric>

#include <sys/resource.h>

namespace perfmatrix {

namespace {
double seconds_of(int who) {
    rusage u{};
    getrusage(who, &u);
    const auto seconds = [](const timeval& t) {
        return static_cast<double>(t.tv_sec) + 1e-6 * static_cast<double>(t.tv_usec);
    };
    return seconds(u.ru_utime) + seconds(u.ru_stime);
}
}  // namespace

double Rank0Profile::cpu_seconds() { return seconds_of(RUSAGE_SELF); }
double Rank0Profile::main_cpu_seconds() { return seconds_of(RUSAGE_THREAD); }

std::string Rank0Profile::summary(double commit_seconds, double commit_cpu_seconds) const {
    if (!on_) return "";
    static constexpr std::array<const char*, parts> names{"receive", "record", "hand out", "running file", "progress"};
    const double total = seconds_[loop];
    const auto share = [&](double s) { return total > 0 ? 100 * s / total : 0.0; };
    std::string s = fmt::format(
        "rank 0 profile ({:.3f} s in the run loop, {:.3f} s of CPU: main thread {:.3f} s, commit thread {:.3f} s):",
        total, cpu_seconds() - cpu_at_start_, main_cpu_seconds() - main_cpu_at_start_, commit_cpu_seconds);
    for (std::size_t i = 0; i < parts; ++i)
        s += fmt::format("{} {} {:.3f} s ({:.0f}%)", i == 0 ? "" : ",", names[i], seconds_[i], share(seconds_[i]));
    const double rest = total - std::accumulate(seconds_.begin(), seconds_.begin() + parts, 0.0);
    s += fmt::format(
        ", waits and the rest {:.3f} s ({:.0f}%); commit thread {:.3f} s ({:.0f}%) in {} commits of {:.1f} "
        "cases on average",
        rest, share(rest), commit_seconds, share(commit_seconds), groups_,
        groups_ ? static_cast<double>(grouped_) / static_cast<double>(groups_) : 0.0);
    return s;
}

}  // namespace perfmatrix
