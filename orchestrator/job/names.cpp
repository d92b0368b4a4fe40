#include "orchestrator/job/names.hpp"

#include <algorithm>

namespace perfmatrix {
namespace {

bool is_bare_key_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

}  // namespace

bool is_benchmark_name(std::string_view name) {
    return !name.empty() && name.size() <= kMaxBenchmarkName &&
           std::all_of(name.begin(), name.end(), [](char c) { return is_bare_key_char(c) || c == '.'; });
}

bool is_axis_name(std::string_view name) {
    return !name.empty() && std::all_of(name.begin(), name.end(), is_bare_key_char);
}

}  // namespace perfmatrix
