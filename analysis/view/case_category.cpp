#include "analysis/view/case_category.hpp"

#include "measure/kind_registry.hpp"

namespace perfmatrix {

std::string case_category(const CaseRecord& c) {
    return c.category.empty() ? category_of(c.kind, c.environment) : c.category;
}

}  // namespace perfmatrix
