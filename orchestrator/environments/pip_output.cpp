#include "orchestrator/environments/pip_output.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <regex>
#include <stdexcept>

namespace perfmatrix {
namespace {

constexpr std::size_t kMaxReason = 1000;

std::string trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return std::string(s);
}

std::string error_lines(const std::vector<std::string>& lines) {
    std::vector<std::string> errors;
    for (const auto& line : lines) {
        if (line.rfind("ERROR: ", 0) == 0) errors.push_back(trimmed(std::string_view(line).substr(7)));
    }
    return fmt::format("{}", fmt::join(errors, " | "));
}

std::string last_line(const std::vector<std::string>& lines) {
    for (auto it = lines.rbegin(); it != lines.rend(); ++it) {
        auto line = trimmed(*it);
        if (!line.empty()) return line;
    }
    return "";
}

}  // namespace

std::string pip_failure_reason(const std::vector<std::string>& lines, const std::string& failure) {
    auto reason = error_lines(lines);
    if (reason.empty()) reason = last_line(lines);
    // "exited with code 1" adds nothing to pip's own words; a timeout or a signal does.
    const bool plain_exit = failure.rfind("exited with code", 0) == 0;
    if (reason.empty()) {
        reason = failure;
    } else if (!failure.empty() && !plain_exit) {
        reason = fmt::format("{} ({})", reason, failure);
    }
    if (reason.size() > kMaxReason) reason = "…" + reason.substr(reason.size() - kMaxReason);
    return reason;
}

std::vector<InstalledPackage> parse_pip_list(const std::vector<std::string>& lines) {
    for (const auto& line : lines) {
        if (line.empty() || line.front() != '[') continue;
        const auto j = nlohmann::json::parse(line, nullptr, false);
        if (j.is_discarded() || !j.is_array()) continue;
        std::vector<InstalledPackage> out;
        for (const auto& p : j) {
            if (!p.is_object() || !p.contains("name") || !p.contains("version") || !p["name"].is_string() ||
                !p["version"].is_string()) {
                throw std::runtime_error("pip list: an entry without a name and version: " + p.dump());
            }
            out.push_back({p["name"].get<std::string>(), p["version"].get<std::string>()});
        }
        return out;
    }
    throw std::runtime_error(fmt::format("pip list printed no JSON list (last line: '{}')", last_line(lines)));
}

std::string parse_pip_version(const std::vector<std::string>& lines) {
    static const std::regex version(R"(^pip (\S+) from )");
    for (const auto& line : lines) {
        std::smatch m;
        if (std::regex_search(line, m, version)) return m.str(1);
    }
    return "";
}

}  // namespace perfmatrix
