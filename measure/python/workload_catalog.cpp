#include "measure/python/workload_catalog.hpp"

#include "measure/python/harness_location.hpp"
#include "measure/system/process.hpp"

#include <map>
#include <mutex>
#include <optional>
#include <vector>

namespace perfmatrix::python {
namespace {

constexpr const char* kWorkloadKindCategory = "python";

// name -> category from one interpreter's `harness.py --list`; nullopt when it could not tell.
std::optional<std::map<std::string, std::string>> listed_categories(const std::string& python,
                                                                    const std::string& harness) {
    ProcessSpec spec;
    spec.argv = {python, harness, "--list"};
    spec.capture_bytes = 1 << 20;  // the whole listing (about 20 KB), not a tail
    ChildProcess child(spec);
    if (!child.started()) return std::nullopt;
    WatchSpec watch;
    watch.timeout = 60;  // a cold interpreter start on a loaded node, with margin
    const ProcessResult r = child.wait(watch);
    if (r.ending != Ending::exited || r.exit_code != 0) return std::nullopt;
    const auto listing = nlohmann::json::parse(r.stdout_tail, nullptr, false);
    if (listing.is_discarded() || !listing.contains("workloads") || !listing["workloads"].is_array())
        return std::nullopt;
    std::map<std::string, std::string> categories;
    for (const auto& w : listing["workloads"])
        if (w.is_object() && w.value("name", "") != "") categories[w["name"]] = w.value("category", "");
    return categories;
}

}  // namespace

std::string planned_workload_category(const nlohmann::json& params) {
    // Categories are module constants, the same under every interpreter: the first listing serves all.
    static std::mutex mutex;
    static std::optional<std::map<std::string, std::string>> catalog;
    const std::lock_guard lock(mutex);
    if (!catalog) {
        const HarnessLocation harness = find_harness();
        if (harness.path.empty()) return kWorkloadKindCategory;
        std::vector<std::string> interpreters;
        if (params.contains("python") && params["python"].is_string()) interpreters.push_back(params["python"]);
        interpreters.emplace_back("python3");
        for (const auto& python : interpreters)
            if ((catalog = listed_categories(python, harness.path))) break;
        if (!catalog) return kWorkloadKindCategory;
    }
    const auto it = params.contains("workload") && params["workload"].is_string()
                        ? catalog->find(params["workload"].get<std::string>())
                        : catalog->end();
    return it == catalog->end() || it->second.empty() ? kWorkloadKindCategory : it->second;
}

}  // namespace perfmatrix::python
