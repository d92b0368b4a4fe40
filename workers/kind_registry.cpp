#include "workers/kind_registry.hpp"

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

}  // namespace perfmatrix
