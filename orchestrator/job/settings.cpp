#include "orchestrator/job/settings.hpp"

#include "measure/model/host_info.hpp"
#include "orchestrator/job/suggest.hpp"
#include "orchestrator/job/toml_reading.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace perfmatrix {
namespace {

std::string quoted(std::string_view key) { return fmt::format("'{}'", key); }

[[noreturn]] void invalid(const toml::node& node, std::string_view key, std::string_view expected,
                          std::string_view got) {
    fail_at(node, fmt::format("invalid value for '{}': expected {}, got {}", key, expected, got));
}

int read_count(const toml::node& node, std::string_view key, int minimum) {
    const auto value = expect_integer(node, quoted(key));
    if (value < minimum || value > std::numeric_limits<int>::max()) {
        invalid(node, key, fmt::format("an integer from {} to {}", minimum, std::numeric_limits<int>::max()),
                std::to_string(value));
    }
    return static_cast<int>(value);
}

// Seconds; zero is allowed only where it means "no minimum".
double read_seconds(const toml::node& node, std::string_view key, bool allow_zero) {
    const double value = expect_number(node, quoted(key));
    const bool ok = std::isfinite(value) && (allow_zero ? value >= 0 : value > 0) && value <= max_duration_seconds;
    if (!ok) {
        invalid(node, key,
                fmt::format("a number of seconds {} and at most {:g}", allow_zero ? ">= 0" : "> 0",
                            max_duration_seconds),
                fmt::format("{}", value));
    }
    return value;
}

std::vector<std::string> read_requires(const toml::node& node) {
    const auto& known = known_capabilities();
    std::vector<std::string> out;
    for (const auto& [name, element] : expect_strings(node, "'requires'")) {
        if (std::find(known.begin(), known.end(), name) == known.end()) {
            fail_at(*element, fmt::format("invalid value for 'requires': unknown capability '{}' (known: {}){}", name,
                                          fmt::join(known, ", "), did_you_mean(name, known)));
        }
        if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
    }
    return out;
}

Placement read_placement(const toml::node& node) {
    const auto text = expect_string(node, "'placement'");
    if (text == "exclusive") return Placement::exclusive;
    if (text == "shared") return Placement::shared;
    invalid(node, "placement", "\"exclusive\" or \"shared\"", fmt::format("\"{}\"", text));
}

}  // namespace

const std::vector<std::string>& setting_keys() {
    static const std::vector<std::string> keys{"warmup",  "repetitions", "min_time",  "max_repetitions",
                                               "timeout", "requires",    "placement", "rounds"};
    return keys;
}

LayeredSettings apply_settings(const toml::table& table, LayeredSettings base) {
    auto& s = base.settings;
    if (const auto* n = table.get("warmup")) s.warmup = read_count(*n, "warmup", 0);
    if (const auto* n = table.get("repetitions")) {
        s.repetitions = read_count(*n, "repetitions", 1);
        base.repetitions = n;
    }
    if (const auto* n = table.get("min_time")) s.min_time = read_seconds(*n, "min_time", true);
    if (const auto* n = table.get("max_repetitions")) {
        s.max_repetitions = read_count(*n, "max_repetitions", 1);
        base.max_repetitions = n;
    }
    if (const auto* n = table.get("timeout")) s.timeout = read_seconds(*n, "timeout", false);
    if (const auto* n = table.get("requires")) s.requires_ = read_requires(*n);
    if (const auto* n = table.get("placement")) s.placement = read_placement(*n);
    if (const auto* n = table.get("rounds")) s.rounds = read_count(*n, "rounds", 1);
    return base;
}

void check_settings(const LayeredSettings& layered, const toml::node& fallback) {
    const auto& s = layered.settings;
    if (s.max_repetitions >= s.repetitions) return;
    const toml::node* blame = layered.max_repetitions ? layered.max_repetitions
                              : layered.repetitions   ? layered.repetitions
                                                      : &fallback;
    fail_at(*blame, fmt::format("invalid value for 'max_repetitions': expected at least repetitions ({}), got {}",
                                s.repetitions, s.max_repetitions));
}

}  // namespace perfmatrix
