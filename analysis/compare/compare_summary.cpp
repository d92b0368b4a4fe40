#include "analysis/compare/compare_summary.hpp"

#include <algorithm>
#include <array>

namespace perfmatrix {

namespace {

void count(GroupSummary& g, const CaseComparison& row, std::vector<double>& speedups) {
    switch (row.comparison.verdict) {
        case Verdict::faster: ++g.faster; break;
        case Verdict::slower: ++g.slower; break;
        case Verdict::no_significant_change: ++g.unchanged; break;
        case Verdict::no_verdict: ++g.no_verdict; return;
    }
    speedups.push_back(row.speedup->value);
}

GroupSummary summarize(std::string name, const std::vector<const CaseComparison*>& rows) {
    GroupSummary g;
    g.name = std::move(name);
    std::vector<double> speedups;
    for (const CaseComparison* row : rows) count(g, *row, speedups);
    if (!speedups.empty()) g.speedup = geometric_mean(speedups);
    return g;
}

std::vector<std::string> category_order(const std::vector<CaseComparison>& rows) {
    constexpr std::array<const char*, 4> known{"startup", "memory", "compute", "async"};
    std::vector<std::string> order;
    auto present = [&](const std::string& c) {
        return std::any_of(rows.begin(), rows.end(), [&](const CaseComparison& r) { return r.category == c; });
    };
    for (const char* c : known)
        if (present(c)) order.emplace_back(c);
    for (const CaseComparison& r : rows)
        if (std::find(order.begin(), order.end(), r.category) == order.end()) order.push_back(r.category);
    return order;
}

}  // namespace

std::vector<GroupSummary> summarize_categories(const std::vector<CaseComparison>& rows) {
    std::vector<GroupSummary> out;
    for (const std::string& category : category_order(rows)) {
        std::vector<const CaseComparison*> members;
        for (const CaseComparison& r : rows)
            if (r.category == category) members.push_back(&r);
        out.push_back(summarize(category, members));
    }
    return out;
}

GroupSummary summarize_all(const std::vector<CaseComparison>& rows) {
    std::vector<const CaseComparison*> all;
    for (const CaseComparison& r : rows) all.push_back(&r);
    return summarize("overall", all);
}

std::vector<std::size_t> largest_changes(const std::vector<CaseComparison>& rows, Verdict which, std::size_t count) {
    std::vector<std::size_t> picked;
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (rows[i].comparison.verdict == which) picked.push_back(i);
    const bool highest_first = which == Verdict::faster;
    std::stable_sort(picked.begin(), picked.end(), [&](std::size_t a, std::size_t b) {
        const double x = rows[a].speedup->value, y = rows[b].speedup->value;
        return highest_first ? x > y : x < y;
    });
    if (picked.size() > count) picked.resize(count);
    return picked;
}

}  // namespace perfmatrix
