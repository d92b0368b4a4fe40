#include "measure/system/per_cpu_summary.hpp"

#include "measure/system/cpu_ranges.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <string_view>

namespace perfmatrix {
namespace {

constexpr std::string_view group_separator = "; ";
constexpr std::string_view cpus_prefix = " (cpus ";

std::vector<PerCpuGroup> group_values(const std::map<int, std::string>& values) {
    std::vector<PerCpuGroup> groups;
    for (const auto& [cpu, value] : values) {
        auto it = std::find_if(groups.begin(), groups.end(), [&](const PerCpuGroup& g) { return g.value == value; });
        if (it == groups.end()) it = groups.insert(groups.end(), {value, 0, {}});
        it->cpus.push_back(cpu);
        ++it->count;
    }
    std::sort(groups.begin(), groups.end(), [](const PerCpuGroup& a, const PerCpuGroup& b) {
        if (a.count != b.count) return a.count > b.count;
        return a.value < b.value;
    });
    return groups;
}

// "NAME xN" or "NAME xN (cpus LIST)"; an empty value on anything else.
PerCpuGroup parse_group(std::string_view text) {
    PerCpuGroup g;
    std::string_view cpus_text;
    if (const std::size_t open = text.find(cpus_prefix); open != std::string_view::npos && text.ends_with(')')) {
        cpus_text = text.substr(open + cpus_prefix.size(), text.size() - open - cpus_prefix.size() - 1);
        text = text.substr(0, open);
    }
    const std::size_t x = text.rfind(" x");
    if (x == std::string_view::npos) return {};
    int count = 0;
    const std::string_view n = text.substr(x + 2);
    if (std::from_chars(n.data(), n.data() + n.size(), count).ec != std::errc{} || count <= 0) return {};
    g.value = std::string(text.substr(0, x));
    g.count = static_cast<std::size_t>(count);
    g.cpus = parse_cpu_ranges(cpus_text);
    return g;
}

}  // namespace

std::string format_per_cpu_summary(const std::map<int, std::string>& values) {
    if (values.empty()) return "unavailable";
    const std::vector<PerCpuGroup> groups = group_values(values);
    if (groups.size() == 1) return fmt::format("{} x{}", groups.front().value, groups.front().count);
    std::string out;
    for (const PerCpuGroup& g : groups) {
        if (!out.empty()) out += group_separator;
        out += fmt::format("{} x{}{}{})", g.value, g.count, cpus_prefix, format_cpu_ranges(g.cpus));
    }
    return out;
}

std::vector<PerCpuGroup> parse_per_cpu_summary(const std::string& line) {
    std::vector<PerCpuGroup> groups;
    std::string_view rest(line);
    while (!rest.empty()) {
        const std::size_t sep = rest.find(group_separator);
        PerCpuGroup g = parse_group(rest.substr(0, sep));
        if (g.value.empty()) return {};
        groups.push_back(std::move(g));
        rest = sep == std::string_view::npos ? std::string_view{} : rest.substr(sep + group_separator.size());
    }
    return groups;
}

}  // namespace perfmatrix
