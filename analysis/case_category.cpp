#include "analysis/case_category.hpp"

#include <string_view>

namespace perfmatrix {

namespace {

const std::string* environment_value(const CaseRecord& c, std::string_view key) {
    for (const auto& [k, v] : c.environment)
        if (k == key && !v.empty()) return &v;
    return nullptr;
}

bool starts_with(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

std::string category_of_kind(const CaseRecord& c) {
    const std::string_view kind = c.kind;
    if (kind == "spawn") return "startup";
    if (starts_with(kind, "blas_") || starts_with(kind, "torch_") || starts_with(kind, "cublas_"))
        return "compute";
    if (starts_with(kind, "memory_")) return "memory";
    if (starts_with(kind, "asio_")) return "async";
    if (kind == "python_workload") {
        const std::string* declared = environment_value(c, "workload.category");
        return declared ? *declared : "python";
    }
    return c.kind;
}

}  // namespace

std::string case_category(const CaseRecord& c) {
    if (const std::string* declared = environment_value(c, "category")) return *declared;
    return category_of_kind(c);
}

}  // namespace perfmatrix
