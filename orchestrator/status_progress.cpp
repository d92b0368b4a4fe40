#include "orchestrator/status_progress.hpp"

#include <algorithm>
#include <map>

namespace perfmatrix {
namespace {

void add_outcome(ProgressCount& count, const std::string& status) {
    if (status == status::ok)
        ++count.done;
    else if (status == status::skipped)
        ++count.skipped;
    else
        ++count.failed;
}

std::int64_t committed(const ProgressCount& c) { return c.done + c.failed + c.skipped; }

// Never negative: a file merged from overlapping runs may hold more than a plan says.
std::int64_t left_of(std::int64_t planned, const ProgressCount& c) { return std::max<std::int64_t>(0, planned - committed(c)); }

}  // namespace

StatusCounts count_status(const Results& results) {
    StatusCounts out;
    std::map<std::string, std::size_t> row;
    for (const auto& [benchmark, planned] : results.meta.planned_per_benchmark) {
        row[benchmark] = out.benchmarks.size();
        ProgressCount c;
        c.benchmark = benchmark;
        c.planned = planned;
        out.benchmarks.push_back(c);
    }
    for (const auto& c : results.cases) {
        auto [it, fresh] = row.try_emplace(c.benchmark, out.benchmarks.size());
        if (fresh) out.benchmarks.push_back(ProgressCount{c.benchmark, std::nullopt, 0, 0, 0, std::nullopt});
        add_outcome(out.benchmarks[it->second], c.status);
        add_outcome(out.total, c.status);
    }
    for (auto& c : out.benchmarks)
        if (c.planned) c.left = left_of(*c.planned, c);
    out.total.planned = results.meta.planned_cases;
    out.total.left = left_of(results.meta.planned_cases, out.total);
    return out;
}

}  // namespace perfmatrix
