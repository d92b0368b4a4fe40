#include "orchestrator/interpreters/interpreter_catalog.hpp"

#include "orchestrator/interpreters/discovery.hpp"
#include "orchestrator/interpreters/labels.hpp"
#include "orchestrator/interpreters/probe.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <utility>

namespace perfmatrix {

MachineInterpreters::MachineInterpreters(DiscoveryOptions options) : options_(std::move(options)) {}

const std::vector<Interpreter>& MachineInterpreters::found() {
    if (!found_) found_ = discover_interpreters(options_);
    return *found_;
}

const Interpreter& MachineInterpreters::at_path(const std::string& path) {
    auto& slot = by_path_[path];
    if (!slot) {
        slot = std::make_unique<Interpreter>(probe_interpreter(path, options_.probe));
        if (slot->ok()) {
            slot->source = classify_source(slot->executable, InterpreterSource::explicit_path, options_);
            slot->label = base_label(*slot->build);
        }
    }
    return *slot;
}

std::string MachineInterpreters::searched() const {
    std::vector<std::string> places;
    if (!options_.pyenv_root.empty()) places.push_back(fmt::format("{}/versions/*/bin/python", options_.pyenv_root));
    places.emplace_back("PATH");
    for (const auto& d : options_.system_dirs) places.push_back(fmt::format("{}/python3*", d));
    return fmt::format("{}", fmt::join(places, ", "));
}

FixedInterpreters::FixedInterpreters(std::vector<Interpreter> interpreters) : interpreters_(std::move(interpreters)) {}

const Interpreter& FixedInterpreters::at_path(const std::string& path) {
    for (const auto& in : interpreters_) {
        if (in.executable == path || std::find(in.found_as.begin(), in.found_as.end(), path) != in.found_as.end()) {
            return in;
        }
    }
    auto& slot = unknown_[path];
    if (!slot) {
        slot = std::make_unique<Interpreter>();
        slot->found_as = {path};
        slot->problem = "not among the given interpreters";
    }
    return *slot;
}

}  // namespace perfmatrix
