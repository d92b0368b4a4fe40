#include "orchestrator/job/case_id.hpp"

#include "orchestrator/job/sha256.hpp"

#include <algorithm>

namespace perfmatrix {

namespace {
// 10 hex digits = 40 bits: a collision within one benchmark's few thousand cases is
// vanishingly unlikely, and the job loader rejects equal ids anyway.
constexpr std::size_t kIdHexDigits = 10;
}  // namespace

std::string make_case_id(std::string_view benchmark, const std::vector<AxisValue>& axes) {
    std::vector<const AxisValue*> sorted;
    for (const auto& a : axes) sorted.push_back(&a);
    std::sort(sorted.begin(), sorted.end(),
              [](const AxisValue* x, const AxisValue* y) { return x->axis < y->axis; });

    std::string key(benchmark);
    for (const auto* a : sorted) {
        key.push_back('\0');
        key += a->axis;
        key.push_back('=');
        key += a->value;
    }
    return std::string(benchmark) + "/" + sha256_hex(key).substr(0, kIdHexDigits);
}

}  // namespace perfmatrix
