#include "measure/kind_registry.hpp"

#include <stdexcept>

namespace perfmatrix {

void KindRegistry::add(Kind kind) {
    for (const auto& k : kinds_) {
        if (k.name == kind.name) throw std::logic_error("kind '" + kind.name + "' is registered twice");
    }
    if (!kind.make_runner) throw std::logic_error("kind '" + kind.name + "' has no runner");
    kinds_.push_back(std::move(kind));
}

void KindRegistry::add_host_facts(std::function<HostFacts()> probe) { host_facts_.push_back(std::move(probe)); }

HostFacts KindRegistry::host_facts() const {
    HostFacts all;
    for (const auto& probe : host_facts_) {
        for (auto& fact : probe()) all.push_back(std::move(fact));
    }
    return all;
}

const KindRegistry& kind_registry() {
    static const KindRegistry registry = [] {
        KindRegistry r;
        register_kind_families(r);
        return r;
    }();
    return registry;
}

const std::vector<Kind>& known_kinds() { return kind_registry().kinds(); }

const Kind* find_kind(std::string_view name) {
    for (const auto& k : known_kinds()) {
        if (k.name == name) return &k;
    }
    return nullptr;
}

MetricSpec describe_metric(std::string_view kind, std::string_view metric, std::string_view unit) {
    const Kind* k = find_kind(kind);
    return k ? k->metric(metric, unit) : undeclared_metric(metric, unit);
}

std::string category_of(std::string_view kind, const std::vector<std::pair<std::string, std::string>>& environment) {
    for (const auto& [key, value] : environment) {
        if (key == "category" && !value.empty()) return value;
    }
    const Kind* k = find_kind(kind);
    return k ? k->category : std::string(kind);
}

std::unique_ptr<Runner> make_runner(std::string_view kind) {
    const Kind* k = find_kind(kind);
    return k && k->make_runner ? k->make_runner() : nullptr;
}

}  // namespace perfmatrix
