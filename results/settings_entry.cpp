#include "results/settings_entry.hpp"

#include "results/schema.hpp"

#include <iterator>

namespace perfmatrix {
namespace {

Environment one_per_setting(const nlohmann::json& settings) {
    Environment entries;
    for (const auto& [key, value] : settings.items())
        entries.emplace_back("settings." + key, value.is_string() ? value.get<std::string>() : value.dump());
    return entries;
}

}  // namespace

Environment settings_entries(const nlohmann::json& settings) {
    std::string text = settings.dump();
    if (text.size() >= schema::width::env_value) return one_per_setting(settings);  // NUL-terminated
    return {{settings_key, std::move(text)}};
}

void expand_settings(Environment& env) {
    for (auto it = env.begin(); it != env.end(); ++it) {
        if (it->first != settings_key) continue;
        const auto settings = nlohmann::json::parse(it->second, nullptr, false);
        if (!settings.is_object()) continue;
        Environment expanded = one_per_setting(settings);
        it = env.erase(it);
        env.insert(it, std::make_move_iterator(expanded.begin()), std::make_move_iterator(expanded.end()));
        return;  // one per case
    }
}

}  // namespace perfmatrix
