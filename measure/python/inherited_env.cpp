#include "measure/python/inherited_env.hpp"

#include <algorithm>
#include <string_view>

extern char** environ;

namespace perfmatrix::python {
namespace {

bool matches(std::string_view name, std::string_view pattern) {
    if (pattern.empty() || pattern.back() != '*') return name == pattern;
    pattern.remove_suffix(1);
    return name.substr(0, pattern.size()) == pattern;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> inherited_variables(const std::vector<std::string>& patterns) {
    std::vector<std::pair<std::string, std::string>> out;
    for (char** e = environ; e && *e; ++e) {
        const std::string_view entry(*e);
        const auto eq = entry.find('=');
        if (eq == std::string_view::npos) continue;
        const std::string_view name = entry.substr(0, eq);
        if (std::any_of(patterns.begin(), patterns.end(), [&](const std::string& p) { return matches(name, p); })) {
            out.emplace_back(std::string(name), std::string(entry.substr(eq + 1)));
        }
    }
    return out;
}

}  // namespace perfmatrix::python
