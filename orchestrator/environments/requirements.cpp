#include "orchestrator/environments/requirements.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <regex>

namespace perfmatrix {
namespace {

constexpr std::string_view kExpected =
    "expected a package name with optional extras and version specifiers, e.g. \"numpy\", \"torch==2.5.1\", "
    "\"jax[cpu]>=0.4,<0.5\"";

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

std::vector<std::string_view> split(std::string_view s, char separator) {
    std::vector<std::string_view> parts;
    while (true) {
        const auto at = s.find(separator);
        parts.push_back(trimmed(s.substr(0, at)));
        if (at == std::string_view::npos) return parts;
        s.remove_prefix(at + 1);
    }
}

std::string without_spaces(std::string_view s) {
    std::string out;
    for (const char c : s) {
        if (!std::isspace(static_cast<unsigned char>(c))) out.push_back(c);
    }
    return out;
}

bool is_name(std::string_view s) {
    static const std::regex name(R"([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)");
    return std::regex_match(s.begin(), s.end(), name);
}

// Forms pip accepts on its command line that are not a package from an index; each gets its
// own explanation, since "not a requirement" alone would not say what to do instead.
std::string other_form_problem(std::string_view text) {
    const auto quoted = fmt::format("'{}'", text);
    if (text.front() == '-') {
        return fmt::format(
            "{} is a pip option, not a requirement (where packages come from is set with "
            "`perfmatrix prepare --find-links DIR` or `--no-index`); {}",
            quoted, kExpected);
    }
    if (text.find(';') != std::string_view::npos) {
        return fmt::format(
            "{} has an environment marker (';'), which is not supported: each interpreter gets its "
            "own environment, and a requirement it cannot install skips its cases; {}",
            quoted, kExpected);
    }
    if (text.find("://") != std::string_view::npos || text.find('@') != std::string_view::npos) {
        return fmt::format(
            "{} is a URL or direct reference, which is not supported: the environment would depend "
            "on more than the job says; {}",
            quoted, kExpected);
    }
    if (text.find('/') != std::string_view::npos || text.front() == '.' || text.front() == '~') {
        return fmt::format(
            "{} is a path, not a requirement (offline, give the directory to `perfmatrix prepare "
            "--find-links DIR --no-index` and list the package by name); {}",
            quoted, kExpected);
    }
    return "";
}

std::variant<std::vector<std::string>, std::string> parse_extras(std::string_view text, std::string_view extras) {
    std::vector<std::string> out;
    for (const auto extra : split(extras, ',')) {
        if (!is_name(extra)) {
            return fmt::format("'{}' has an invalid extra '{}' (extras are names, as in \"jax[cpu,cuda]\"); {}", text,
                               extra, kExpected);
        }
        out.push_back(normalize_project_name(extra));
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::variant<std::vector<std::string>, std::string> parse_specifiers(std::string_view text,
                                                                     std::string_view specifiers) {
    // PEP 440 operators; a version of letters, digits and . * + ! - _ (pip checks the rest).
    static const std::regex clause(R"((~=|===|==|!=|<=|>=|<|>)\s*([A-Za-z0-9][A-Za-z0-9.*+!_-]*))");
    std::vector<std::string> out;
    if (trimmed(specifiers).empty()) return out;
    for (const auto part : split(specifiers, ',')) {
        std::match_results<std::string_view::const_iterator> m;
        if (!std::regex_match(part.begin(), part.end(), m, clause)) {
            return fmt::format(
                "'{}' has an invalid version specifier '{}' (an operator ~= == != <= >= < > === and a "
                "version, several joined by ','); {}",
                text, part, kExpected);
        }
        out.push_back(without_spaces(part));
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace

std::string normalize_project_name(std::string_view name) {
    std::string out;
    bool in_separator = false;
    for (const char c : name) {
        if (c == '-' || c == '_' || c == '.') {
            in_separator = true;
            continue;
        }
        if (in_separator && !out.empty()) out.push_back('-');
        in_separator = false;
        out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    return out;
}

std::string Requirement::text() const {
    std::string s = name;
    if (!extras.empty()) s += fmt::format("[{}]", fmt::join(extras, ","));
    s += fmt::format("{}", fmt::join(specifiers, ","));
    return s;
}

std::variant<Requirement, std::string> parse_requirement(std::string_view raw) {
    const auto text = trimmed(raw);
    if (text.empty()) return fmt::format("an empty requirement; {}", kExpected);
    if (auto problem = other_form_problem(text); !problem.empty()) return problem;

    static const std::regex shape(R"(([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[([^\]]*)\])?\s*(.*))");
    std::match_results<std::string_view::const_iterator> m;
    if (!std::regex_match(text.begin(), text.end(), m, shape) || !is_name(m.str(1))) {
        return fmt::format("'{}' is not a requirement; {}", text, kExpected);
    }
    Requirement r;
    r.name = normalize_project_name(m.str(1));
    if (m[2].matched) {
        auto extras = parse_extras(text, m.str(2));
        if (auto* problem = std::get_if<std::string>(&extras)) return *problem;
        r.extras = std::get<std::vector<std::string>>(std::move(extras));
    }
    auto specifiers = parse_specifiers(text, m.str(3));
    if (auto* problem = std::get_if<std::string>(&specifiers)) return *problem;
    r.specifiers = std::get<std::vector<std::string>>(std::move(specifiers));
    return r;
}

std::string requirements_text(const std::vector<std::string>& requirements) {
    return fmt::format("{}", fmt::join(requirements, " "));
}

}  // namespace perfmatrix
