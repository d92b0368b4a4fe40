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

CaseKey selection_key(const Case& c, const Selection& s) {
    return CaseKey{c.id, c.benchmark, s.categories.empty() ? std::string() : planned_category(c), c.axes};
}

void keep_selected(Job& job, const Selection& s) {
    if (s.empty()) return;
    check_selection(s);
    keep_matching(job.cases, s, job.path, [&](const Case& c) { return selection_key(c, s); });
    // Counted in one pass over the cases: a count for each benchmark was quadratic in them.
    std::vector<std::size_t> selected(job.benchmarks.size(), 0);
    bool needs = false;
    for (const Case& c : job.cases) {
        if (const BenchmarkInfo* b = find_benchmark(job, c.benchmark)) {
            ++selected[static_cast<std::size_t>(b - job.benchmarks.data())];
            needs = needs || needs_prepare(*b, c);
        }
    }
    keep_counted(job, selected, needs);
}

void keep_counted(Job& job, const std::vector<std::size_t>& selected, bool any_needs_prepare) {
    for (std::size_t i = 0; i < job.benchmarks.size() && i < selected.size(); ++i)
        job.benchmarks[i].cases = selected[i];
    std::erase_if(job.benchmarks, [](const BenchmarkInfo& b) { return b.cases == 0; });
    index_benchmarks(job);
    // Environments only the left-out cases need do not stop a run of the selected ones.
    if (job.missing_environments && !any_needs_prepare) job.missing_environments.reset();
}

}  // namespace perfmatrix
