#include "orchestrator/interpreters/labels.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <tuple>

namespace perfmatrix {

std::string base_label(const InterpreterBuild& build) {
    if (build.implementation == "PyPy") {
        return fmt::format("pypy{}.{}-{}", build.version_info[0], build.version_info[1], build.pypy_version);
    }
    std::string label = build.version;
    if (build.free_threaded) label += 't';
    if (build.debug) label += 'd';
    return label;
}

std::tuple<int, bool> preference_rank(const Interpreter& interpreter) {
    return {static_cast<int>(interpreter.source), interpreter.build && interpreter.build->venv};
}

void assign_labels(std::vector<Interpreter>& interpreters) {
    std::map<std::string, std::vector<Interpreter*>> by_base;
    for (auto& in : interpreters) {
        in.label.clear();
        if (in.ok()) by_base[base_label(*in.build)].push_back(&in);
    }
    std::set<std::string> taken;
    for (auto& [base, group] : by_base) taken.insert(base);
    for (auto& [base, group] : by_base) {
        // The executable breaks ties, so the choice does not depend on discovery order.
        const auto key = [](const Interpreter* x) {
            return std::tuple_cat(preference_rank(*x), std::make_tuple(x->executable));
        };
        std::sort(group.begin(), group.end(),
                  [&](const Interpreter* a, const Interpreter* b) { return key(a) < key(b); });
        group.front()->label = base;
        for (std::size_t i = 1; i < group.size(); ++i) {
            auto label = fmt::format("{}@{}", base, std::filesystem::path(group[i]->executable).parent_path().string());
            // Two copies in one directory (python3.11 beside a venv's python): the full path.
            if (taken.count(label)) label = fmt::format("{}@{}", base, group[i]->executable);
            taken.insert(label);
            group[i]->label = std::move(label);
        }
    }
}

}  // namespace perfmatrix
