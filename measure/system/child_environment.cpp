#include "measure/system/child_environment.hpp"

#include <algorithm>
#include <string_view>

extern char** environ;

namespace perfmatrix {
namespace {

std::string_view name_of(std::string_view entry) { return entry.substr(0, entry.find('=')); }

// A variable the changes replace or remove is left out of the inherited part.
bool overridden(std::string_view name, const EnvironmentChanges& changes) {
    const auto unset = std::find(changes.unset.begin(), changes.unset.end(), name) != changes.unset.end();
    const auto set = std::any_of(changes.set.begin(), changes.set.end(),
                                 [&](const auto& kv) { return kv.first == name; });
    return unset || set;
}

}  // namespace

ChildEnvironment::ChildEnvironment(const EnvironmentChanges& changes) {
    if (!changes.clear) {
        for (char** e = environ; e && *e; ++e) {
            if (!overridden(name_of(*e), changes)) entries_.emplace_back(*e);
        }
    }
    for (const auto& [name, value] : changes.set) {
        // A name both set and unset ends up set: `set` is applied last, like env(1) -u A A=1.
        entries_.push_back(name + "=" + value);
    }
    pointers_.reserve(entries_.size() + 1);
    for (auto& entry : entries_) pointers_.push_back(entry.data());
    pointers_.push_back(nullptr);
}

}  // namespace perfmatrix
