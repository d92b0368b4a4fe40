#include "orchestrator/job/job_selection.hpp"

#include "measure/kind_registry.hpp"
#include "orchestrator/job/python_environments.hpp"

#include <algorithm>

namespace perfmatrix {

std::string planned_category(const Case& c) {
    const Kind* kind = find_kind(c.kind);
    if (!kind) return c.kind;  // as category_of: an unknown kind is its own category
    return kind->planned_category ? kind->planned_category(c.params) : kind->category;
}

void keep_selected(Job& job, const Selection& s) {
    if (s.empty()) return;
    check_selection(s);
    keep_matching(job.cases, s, job.path, [&](const Case& c) {
        return CaseKey{c.id, c.benchmark, s.categories.empty() ? std::string() : planned_category(c), c.axes};
    });
    for (BenchmarkInfo& b : job.benchmarks)
        b.cases = static_cast<std::size_t>(
            std::count_if(job.cases.begin(), job.cases.end(), [&](const Case& c) { return c.benchmark == b.name; }));
    std::erase_if(job.benchmarks, [](const BenchmarkInfo& b) { return b.cases == 0; });
    // Environments only the left-out cases need do not stop a run of the selected ones.
    if (job.missing_environments &&
        std::none_of(job.cases.begin(), job.cases.end(), [&](const Case& c) { return needs_prepare(job, c); }))
        job.missing_environments.reset();
}

}  // namespace perfmatrix
