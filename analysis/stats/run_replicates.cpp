#include "analysis/stats/run_replicates.hpp"

#include "analysis/view/benchmark_view.hpp"
#include "analysis/view/case_metrics.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>

namespace perfmatrix {

namespace {

void check_same_job(const std::vector<NamedRun>& runs) {
    if (runs.empty()) throw std::invalid_argument("no runs to combine");
    for (const NamedRun& run : runs)
        if (run.results->meta.job_hash != runs.front().results->meta.job_hash)
            throw std::invalid_argument(fmt::format(
                "{} and {} are runs of different jobs (job hashes differ): runs of one side must repeat one job",
                runs.front().name, run.name));
}

// The case's records in each run that has it (nullptr where a run lacks it).
using RecordsPerRun = std::vector<const CaseRecord*>;

std::vector<std::pair<std::string, RecordsPerRun>> records_by_case(const std::vector<NamedRun>& runs) {
    std::vector<std::pair<std::string, RecordsPerRun>> out;  // in order of first appearance
    std::map<std::string, std::size_t> index;
    for (std::size_t r = 0; r < runs.size(); ++r)
        for (const CaseRecord* c : latest_records(*runs[r].results)) {
            auto [it, fresh] = index.emplace(c->case_id, out.size());
            if (fresh) out.push_back({c->case_id, RecordsPerRun(runs.size(), nullptr)});
            out[it->second].second[r] = c;
        }
    return out;
}

// Every run's samples, each run's rounds renumbered after the previous run's, so that every
// (run, round) stays a round of its own.
std::vector<Sample> pooled_rounds(const RecordsPerRun& records) {
    std::vector<Sample> out;
    int next_round = 0;
    for (const CaseRecord* record : records) {
        if (!record) continue;
        std::map<int, int> renumbered;
        for (const Sample& s : record->samples) {
            const auto [it, fresh] = renumbered.try_emplace(s.round, next_round);
            if (fresh) ++next_round;
            Sample pooled = s;
            pooled.round = it->second;
            out.push_back(std::move(pooled));
        }
    }
    return out;
}

CaseRecord combine_case(const std::vector<NamedRun>& runs, const RecordsPerRun& records) {
    for (std::size_t r = 0; r < records.size(); ++r)
        if (records[r] && records[r]->status != status::ok) {
            CaseRecord failed = *records[r];
            failed.reason = fmt::format("in run {}{}{}", runs[r].name, failed.reason.empty() ? "" : ": ",
                                        failed.reason);
            failed.components.clear();
            return failed;
        }
    const CaseRecord* first = *std::find_if(records.begin(), records.end(), [](const CaseRecord* c) { return c; });
    CaseRecord c = *first;
    c.samples = pooled_rounds(records);
    c.components.clear();
    return c;
}

}  // namespace

Results combine_runs(const std::vector<NamedRun>& runs) {
    check_same_job(runs);
    Results out;
    out.meta = runs.front().results->meta;
    out.schema_version = runs.front().results->schema_version;
    for (const NamedRun& run : runs) {
        out.invocations.insert(out.invocations.end(), run.results->invocations.begin(), run.results->invocations.end());
        out.ranks.insert(out.ranks.end(), run.results->ranks.begin(), run.results->ranks.end());
        out.writer_active = out.writer_active || run.results->writer_active;
    }
    for (const auto& [id, records] : records_by_case(runs)) out.cases.push_back(combine_case(runs, records));
    return out;
}

}  // namespace perfmatrix
