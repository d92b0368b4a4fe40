#pragma once
// `{axis}` placeholders in kind parameters. Substitution works on one string at a time and
// never splits or joins strings, so an argv element stays exactly one element whatever the
// value holds (spaces, quotes, `;`): nothing here goes through a shell.

#include "measure/model/case.hpp"

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace perfmatrix {

// A lone brace or an empty `{}`: the text is wrong whatever the case.
struct PlaceholderSyntaxError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// `{name}` where the case has no axis `name`.
struct UnknownPlaceholder : std::runtime_error {
    explicit UnknownPlaceholder(std::string name_);
    std::string name;
};

// Replaces each `{name}` by the value of axis `name`; `{{` and `}}` stand for literal braces.
std::string substitute_placeholders(std::string_view text, const std::vector<AxisValue>& values);

}  // namespace perfmatrix
