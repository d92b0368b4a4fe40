#include "analysis/run_replicates.hpp"

#include "analysis/benchmark_view.hpp"
#include "analysis/case_metrics.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>

namespace perfmatrix {

namespace {

double median_of(std::vector<double> v) {
    const auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
    std::nth_element(v.begin(), mid, v.end());
    if (v.size() % 2 == 1) return *mid;
    return (*mid + *std::max_element(v.begin(), mid)) / 2;
}

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

// One sample per run and metric: the run's median.
std::vector<Sample> run_medians(const RecordsPerRun& records) {
    std::vector<Sample> out;
    for (std::size_t r = 0; r < records.size(); ++r) {
        if (!records[r]) continue;
        for (const std::string& metric : metrics_present({records[r]})) {
            const std::vector<double> values = measured_values(*records[r], metric);
            if (values.empty()) continue;
            out.push_back({metric, metric_unit(*records[r], metric), static_cast<int>(r), false, median_of(values)});
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
    c.samples = run_medians(records);
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
