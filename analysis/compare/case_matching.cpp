#include "analysis/compare/case_matching.hpp"

#include "analysis/view/benchmark_view.hpp"

#include <string>
#include <unordered_map>
#include <unordered_set>

namespace perfmatrix {

namespace {

// The latest record of each case id, in report order.
std::vector<const CaseRecord*> report_order(const Results& r) {
    std::vector<const CaseRecord*> out;
    for (const BenchmarkView& b : group_benchmarks(r)) out.insert(out.end(), b.cases.begin(), b.cases.end());
    return out;
}

}  // namespace

std::vector<CasePair> match_by_id(const Results& base, const Results& fresh) {
    const std::vector<const CaseRecord*> base_cases = report_order(base), new_cases = report_order(fresh);
    std::unordered_map<std::string, const CaseRecord*> new_by_id;
    for (const CaseRecord* c : new_cases) new_by_id.emplace(c->case_id, c);

    std::vector<CasePair> pairs;
    std::unordered_set<std::string> in_base;
    for (const CaseRecord* b : base_cases) {
        const auto it = new_by_id.find(b->case_id);
        pairs.push_back({b, it == new_by_id.end() ? nullptr : it->second});
        in_base.insert(b->case_id);
    }
    for (const CaseRecord* c : new_cases)
        if (!in_base.contains(c->case_id)) pairs.push_back({nullptr, c});
    return pairs;
}

}  // namespace perfmatrix
