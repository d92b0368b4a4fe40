#include "orchestrator/job/selection.hpp"

#include "measure/kind_registry.hpp"
#include "orchestrator/job/job_error.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <regex>
#include <stdexcept>

namespace perfmatrix {
namespace {

bool pattern_matches(const std::regex& re, const CaseKey& c) {
    if (std::regex_search(c.benchmark, re) || std::regex_search(c.id, re)) return true;
    return std::any_of(c.axes.begin(), c.axes.end(),
                       [&](const AxisValue& a) { return std::regex_search(a.axis + "=" + a.value, re); });
}

bool contains(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

std::vector<std::string> strings_at(const nlohmann::json& j, const char* key) {
    return j.contains(key) ? j.at(key).get<std::vector<std::string>>() : std::vector<std::string>{};
}

}  // namespace

SelectionMatcher::SelectionMatcher(const Selection& s) : selection_(s) {
    // check_selection() compiled each already, to refuse the bad ones.
    for (const auto& p : s.patterns) patterns_.emplace_back(p);
}

bool SelectionMatcher::matches(const CaseKey& c) const {
    const Selection& s = selection_;
    if (!s.benchmarks.empty() && !contains(s.benchmarks, c.benchmark)) return false;
    if (!s.categories.empty() && !contains(s.categories, c.category)) return false;
    return std::all_of(patterns_.begin(), patterns_.end(),
                       [&](const std::regex& re) { return pattern_matches(re, c); });
}

bool Selection::matches(const CaseKey& c) const { return SelectionMatcher(*this).matches(c); }

std::string Selection::describe() const {
    std::vector<std::string> parts;
    for (const auto& p : patterns) parts.push_back(fmt::format("-k '{}'", p));
    for (const auto& b : benchmarks) parts.push_back(fmt::format("--benchmark {}", b));
    for (const auto& c : categories) parts.push_back(fmt::format("--category {}", c));
    return fmt::format("{}", fmt::join(parts, " "));
}

std::string Selection::to_json() const {
    if (empty()) return "";
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    if (!patterns.empty()) j["k"] = patterns;
    if (!benchmarks.empty()) j["benchmark"] = benchmarks;
    if (!categories.empty()) j["category"] = categories;
    return j.dump();
}

Selection Selection::from_json(const std::string& text) {
    if (text.empty()) return {};
    const auto j = nlohmann::json::parse(text);
    return {strings_at(j, "k"), strings_at(j, "benchmark"), strings_at(j, "category")};
}

std::vector<std::string> known_categories() {
    std::vector<std::string> out{category::startup, category::memory, category::compute, category::async};
    for (const Kind& k : known_kinds())
        if (!contains(out, k.category)) out.push_back(k.category);
    return out;
}

void check_selection(const Selection& s) {
    for (const auto& p : s.patterns) {
        try {
            const std::regex re(p);
        } catch (const std::regex_error& e) {
            throw std::invalid_argument(fmt::format("-k '{}': expected a regular expression ({})", p, e.what()));
        }
    }
    const auto known = known_categories();
    for (const auto& c : s.categories)
        if (!contains(known, c))
            throw std::invalid_argument(fmt::format("--category '{}': expected one of {}", c, fmt::join(known, ", ")));
}

std::string nothing_selected(const Selection& s, const std::string& what, std::size_t out_of) {
    return fmt::format("{} matches none of the {} case{} of {}", s.describe(), out_of, out_of == 1 ? "" : "s", what);
}

Selection resumed_selection(const std::string& recorded, const Selection& asked, const std::string& file) {
    const Selection had = Selection::from_json(recorded);
    if (asked.empty() || asked == had) return had;
    throw JobError(file, 0, 0,
                   fmt::format("--resume: the file was started with {}, this run asks for {}; resume without a "
                               "selection (the file's is kept), or start a new file",
                               had.empty() ? "the whole job (no selection)" : had.describe(), asked.describe()));
}

}  // namespace perfmatrix
