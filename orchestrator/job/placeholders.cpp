#include "orchestrator/job/placeholders.hpp"

#include "orchestrator/job/names.hpp"

#include <fmt/format.h>

#include <utility>

namespace perfmatrix {

UnknownPlaceholder::UnknownPlaceholder(std::string name_)
    : std::runtime_error(fmt::format("placeholder {{{}}} names no axis", name_)), name(std::move(name_)) {}

namespace {

const std::string& value_of(std::string_view name, const std::vector<AxisValue>& values) {
    for (const auto& v : values) {
        if (v.axis == name) return v.value;
    }
    throw UnknownPlaceholder(std::string(name));
}

// The placeholder opening at text[open]; returns the index just past its closing brace.
std::size_t substitute_one(std::string_view text, std::size_t open, const std::vector<AxisValue>& values,
                           std::string& out) {
    const auto close = text.find_first_of("{}", open + 1);
    if (close == std::string_view::npos || text[close] == '{') {
        throw PlaceholderSyntaxError("unclosed '{': write '{{' for a literal brace");
    }
    const auto name = text.substr(open + 1, close - open - 1);
    if (name.empty()) throw PlaceholderSyntaxError("empty placeholder '{}': write '{{}}' for literal braces");
    if (!is_axis_name(name)) {
        // Most likely braces meant literally, e.g. a shell snippet; say so rather than
        // "names no axis".
        throw PlaceholderSyntaxError(fmt::format(
            "'{}' is not a placeholder (axis names use letters, digits, '_' and '-'): write '{{{{' and '}}}}' for "
            "literal braces",
            text.substr(open, close - open + 1)));
    }
    out += value_of(name, values);
    return close + 1;
}

}  // namespace

std::string substitute_placeholders(std::string_view text, const std::vector<AxisValue>& values) {
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        const bool doubled = i + 1 < text.size() && text[i + 1] == c;
        if (c == '{' && !doubled) {
            i = substitute_one(text, i, values, out);
        } else if (c == '}' && !doubled) {
            throw PlaceholderSyntaxError("single '}': write '}}' for a literal brace");
        } else {
            out.push_back(c);
            i += (c == '{' || c == '}') ? 2 : 1;
        }
    }
    return out;
}

}  // namespace perfmatrix
