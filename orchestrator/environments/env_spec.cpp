#include "orchestrator/environments/env_spec.hpp"

#include "orchestrator/environments/requirements.hpp"

#include <fmt/format.h>

#include <cctype>
#include <cstdint>
#include <string_view>

namespace perfmatrix {
namespace {

std::uint64_t fnv1a64(std::string_view data) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (const char c : data) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001b3ULL;
    }
    return h;
}

std::string file_name_safe(const std::string& label) {
    std::string out = label;
    for (char& c : out) {
        const bool safe = std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '.' || c == '_' || c == '-';
        if (!safe) c = '_';
    }
    // A leading '.' would hide the directory and could spell "." or "..".
    if (out.empty() || out.front() == '.') out.insert(out.begin(), '_');
    return out;
}

}  // namespace

std::string env_dir_name(const EnvSpec& spec) {
    // NUL separators: no two different specs give the same hashed text.
    std::string key = "perfmatrix-env-1";
    for (const auto* part : {&spec.label, &spec.interpreter}) key += '\0' + *part;
    for (const auto& r : spec.requirements) key += '\0' + r;
    const auto hash = fmt::format("{:016x}", fnv1a64(key)).substr(0, 10);
    return fmt::format("{}-{}", file_name_safe(spec.label), hash);
}

std::string env_title(const EnvSpec& spec) {
    return fmt::format("{} with {}", spec.label, requirements_text(spec.requirements));
}

}  // namespace perfmatrix
