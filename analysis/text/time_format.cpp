#include "analysis/text/time_format.hpp"

#include "analysis/text/units.hpp"

#include <fmt/format.h>

#include <cmath>
#include <ctime>

namespace perfmatrix {

std::string format_utc(double unix_seconds) {
    const auto t = static_cast<std::time_t>(std::floor(unix_seconds));
    std::tm tm{};
    if (gmtime_r(&t, &tm) == nullptr) return fmt::format("{}", unix_seconds);
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
                       tm.tm_min, tm.tm_sec);
}

std::string format_elapsed(double seconds) {
    if (!std::isfinite(seconds) || seconds < 60) return format_duration(seconds);
    const auto total = static_cast<long long>(std::llround(seconds));
    const long long days = total / 86400, hours = total / 3600 % 24, minutes = total / 60 % 60, secs = total % 60;
    if (days > 0) return fmt::format("{}d{:02}h{:02}m", days, hours, minutes);
    if (hours > 0) return fmt::format("{}h{:02}m{:02}s", hours, minutes, secs);
    return fmt::format("{}m{:02}s", minutes, secs);
}

}  // namespace perfmatrix
