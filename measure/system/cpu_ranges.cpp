#include "measure/system/cpu_ranges.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

namespace perfmatrix {

std::string format_cpu_ranges(std::vector<int> cpus) {
    std::sort(cpus.begin(), cpus.end());
    cpus.erase(std::unique(cpus.begin(), cpus.end()), cpus.end());
    std::string out;
    for (std::size_t i = 0; i < cpus.size();) {
        std::size_t j = i;
        while (j + 1 < cpus.size() && cpus[j + 1] == cpus[j] + 1) ++j;
        if (!out.empty()) out += ',';
        out += (j == i) ? fmt::format("{}", cpus[i]) : fmt::format("{}-{}", cpus[i], cpus[j]);
        i = j + 1;
    }
    return out;
}

namespace {

bool parse_int(std::string_view text, int& value) {
    return !text.empty() && std::from_chars(text.data(), text.data() + text.size(), value).ec == std::errc{} &&
           value >= 0;
}

}  // namespace

std::vector<int> parse_cpu_ranges(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    text = text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
    std::vector<int> cpus;
    while (!text.empty()) {
        const std::size_t comma = text.find(',');
        const std::string_view part = text.substr(0, comma);
        const std::size_t dash = part.find('-');
        int low = 0, high = 0;
        if (!parse_int(part.substr(0, dash), low)) return {};
        high = low;
        if (dash != std::string_view::npos && !parse_int(part.substr(dash + 1), high)) return {};
        if (high < low) return {};
        for (int cpu = low; cpu <= high; ++cpu) cpus.push_back(cpu);
        text = comma == std::string_view::npos ? std::string_view{} : text.substr(comma + 1);
    }
    return cpus;
}

}  // namespace perfmatrix
