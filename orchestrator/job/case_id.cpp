#include "orchestrator/job/case_id.hpp"

#include "orchestrator/job/sha256.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace perfmatrix {

namespace {
// 10 hex digits = 40 bits keep ids short to read and type; unique_case_ids lengthens the few
// that collide.
constexpr std::size_t kIdHexDigits = 10;

std::string case_key(std::string_view benchmark, const std::vector<AxisValue>& axes) {
    std::vector<const AxisValue*> sorted;
    for (const auto& a : axes) sorted.push_back(&a);
    std::sort(sorted.begin(), sorted.end(), [](const AxisValue* x, const AxisValue* y) { return x->axis < y->axis; });

    std::string key(benchmark);
    for (const auto* a : sorted) {
        key.push_back('\0');
        key += a->axis;
        key.push_back('=');
        key += a->value;
    }
    return key;
}

}  // namespace

std::string make_case_id(std::string_view benchmark, const std::vector<AxisValue>& axes) {
    return std::string(benchmark) + "/" + sha256_hex(case_key(benchmark, axes)).substr(0, kIdHexDigits);
}

std::string make_long_case_id(std::string_view benchmark, const std::vector<AxisValue>& axes) {
    return std::string(benchmark) + "/" + sha256_hex(case_key(benchmark, axes));
}

std::vector<std::string> unique_case_ids(std::string_view benchmark,
                                         const std::vector<std::vector<AxisValue>>& axes_sets) {
    std::vector<std::string> ids, keys;
    std::map<std::string, std::set<std::string>> keys_by_id;
    for (const auto& axes : axes_sets) {
        ids.push_back(make_case_id(benchmark, axes));
        keys.push_back(case_key(benchmark, axes));
        keys_by_id[ids.back()].insert(keys.back());
    }
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (keys_by_id[ids[i]].size() > 1) ids[i] = make_long_case_id(benchmark, axes_sets[i]);
    }
    return ids;
}

}  // namespace perfmatrix
