#include "orchestrator/cli/status_progress.hpp"

#include "results/case_rounds.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

namespace perfmatrix {
namespace {

void add_outcome(ProgressCount& count, const std::string& status) {
    if (status == status::ok)
        ++count.done;
    else if (status == status::skipped)
        ++count.skipped;
    else if (status == status::unschedulable)
        ++count.unschedulable;
    else
        ++count.failed;
}

std::int64_t accounted(const ProgressCount& c) { return c.done + c.failed + c.skipped + c.unschedulable + c.running; }

// Never negative: a file merged from overlapping runs may hold more than a plan says.
std::int64_t left_of(std::int64_t planned, const ProgressCount& c) {
    return std::max<std::int64_t>(0, planned - accounted(c));
}

// A benchmark the file's plan does not list (a file older than planned_per_benchmark).
ProgressCount unplanned(const std::string& benchmark) {
    ProgressCount c;
    c.benchmark = benchmark;
    return c;
}

}  // namespace

StatusCounts count_status(const Results& results, const std::vector<RunningCase>& running) {
    StatusCounts out;
    std::map<std::string, std::size_t> row;
    for (const auto& [benchmark, planned] : results.meta.planned_per_benchmark) {
        row[benchmark] = out.benchmarks.size();
        ProgressCount c;
        c.benchmark = benchmark;
        c.planned = planned;
        out.benchmarks.push_back(c);
    }
    std::set<std::pair<std::string, int>> stored;  // (case id, round)
    for (const auto& c : results.cases) {
        auto [it, fresh] = row.try_emplace(c.benchmark, out.benchmarks.size());
        if (fresh) out.benchmarks.push_back(unplanned(c.benchmark));
        // Rounds are what runs and what is planned: a case of 5 rounds with 3 done has 2 left.
        for (const RoundRecord& r : rounds_of(c)) {
            add_outcome(out.benchmarks[it->second], r.status);
            add_outcome(out.total, r.status);
            if (!running.empty()) stored.emplace(c.case_id, r.round);
        }
    }
    for (const RunningCase& c : running) {
        // Already stored: the running-cases file lags the results by up to 100 ms under load.
        if (stored.count({c.case_id, c.round})) continue;
        auto [it, fresh] = row.try_emplace(c.benchmark, out.benchmarks.size());
        if (fresh) out.benchmarks.push_back(unplanned(c.benchmark));
        ++out.benchmarks[it->second].running;
        ++out.total.running;
    }
    for (auto& c : out.benchmarks)
        if (c.planned) c.left = left_of(*c.planned, c);
    out.total.planned = results.meta.planned_units;
    out.total.left = left_of(results.meta.planned_units, out.total);
    return out;
}

}  // namespace perfmatrix
