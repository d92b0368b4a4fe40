#include "orchestrator/cluster/node_identity.hpp"

#include <algorithm>

namespace perfmatrix {

std::string launcher_node_name(const std::function<const char*(const char*)>& getenv) {
    for (const char* var : {"PERFMATRIX_NODE", "SLURMD_NODENAME"}) {
        const char* value = getenv(var);
        if (value && *value) return value;
    }
    return {};
}

std::vector<int> number_node_names(const std::vector<std::string>& names) {
    std::vector<std::string> seen;
    std::vector<int> numbers;
    numbers.reserve(names.size());
    for (const auto& name : names) {
        auto it = std::find(seen.begin(), seen.end(), name);
        if (it == seen.end()) it = seen.insert(seen.end(), name);
        numbers.push_back(static_cast<int>(it - seen.begin()));
    }
    return numbers;
}

}  // namespace perfmatrix
