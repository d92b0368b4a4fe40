#include "measure/python/interpreter_flags.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <string_view>

namespace perfmatrix::python {
namespace {

constexpr std::array<std::string_view, 8> kSingleFlags{"-I", "-S", "-E", "-s", "-B", "-u", "-O", "-OO"};

bool is_single_flag(std::string_view flag) {
    return std::find(kSingleFlags.begin(), kSingleFlags.end(), flag) != kSingleFlags.end();
}

}  // namespace

std::optional<std::string> flags_problem(const std::vector<std::string>& flags) {
    for (std::size_t i = 0; i < flags.size(); ++i) {
        const std::string& flag = flags[i];
        if (is_single_flag(flag)) continue;
        if (flag == "-X") {
            // The option is its own list element, as in argv: ["-X", "importtime"].
            if (i + 1 == flags.size() || flags[i + 1].empty() || flags[i + 1].front() == '-') {
                return "'-X' must be followed by its option as the next element, e.g. [\"-X\", \"importtime\"]";
            }
            ++i;
            continue;
        }
        return fmt::format("'{}' is not allowed; use {} or \"-X\", \"<option>\"", flag, fmt::join(kSingleFlags, " "));
    }
    return std::nullopt;
}

bool ignores_python_env(const std::vector<std::string>& flags) {
    for (std::size_t i = 0; i < flags.size(); ++i) {
        if (flags[i] == "-X") {
            ++i;  // an -X option is never one of these flags
            continue;
        }
        if (flags[i] == "-I" || flags[i] == "-E") return true;
    }
    return false;
}

}  // namespace perfmatrix::python
