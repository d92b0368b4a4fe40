#include "analysis/metric_orientation.hpp"

#include <array>

namespace perfmatrix {

namespace {

bool ends_with(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

bool is_rate_name(std::string_view metric) {
    constexpr std::array<std::string_view, 4> names{"gflops", "bandwidth", "rate", "efficiency"};
    for (std::string_view n : names)
        if (metric == n) return true;
    return ends_with(metric, "_per_s");
}

}  // namespace

Better metric_better(std::string_view metric, std::string_view unit) {
    return is_rate_name(metric) || ends_with(unit, "/s") ? Better::higher : Better::lower;
}

bool is_duration_unit(std::string_view unit) {
    return unit == "s" || unit == "ms" || unit == "us" || unit == "µs" || unit == "ns";
}

}  // namespace perfmatrix
