#include "results/repair.hpp"

#include "results/fixed_string.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <map>

namespace perfmatrix {

namespace {

using schema::InvocationRow;

hsize_t cut(Table& table, hsize_t keep) {
    const hsize_t dropped = table.rows() > keep ? table.rows() - keep : 0;
    table.truncate(keep);
    return dropped;
}

// When a killed invocation ended is unknown; its last committed case is the latest evidence
// that it was alive.
std::map<int, double> last_case_end_by_invocation(const Tables& t, hsize_t cases) {
    std::vector<std::int32_t> invocation(cases);
    std::vector<double> ended(cases);
    t.cases.read_column("invocation", 0, cases, invocation.data());
    t.cases.read_column("ended", 0, cases, ended.data());
    std::map<int, double> last;
    for (hsize_t i = 0; i < cases; ++i) {
        double& end = last[invocation[i]];
        end = std::max(end, ended[i]);
    }
    return last;
}

std::vector<int> mark_running_as_killed(Tables& t, hsize_t cases) {
    std::vector<int> killed;
    const auto rows = t.invocations.read_rows<InvocationRow>(0, t.invocations.rows());
    if (std::none_of(rows.begin(), rows.end(),
                     [](const InvocationRow& r) { return get_fixed(r.status) == schema::invocation_status::running; }))
        return killed;
    const auto last_end = last_case_end_by_invocation(t, cases);
    for (hsize_t i = 0; i < rows.size(); ++i) {
        InvocationRow row = rows[i];
        if (get_fixed(row.status) != schema::invocation_status::running) continue;
        put_fixed(row.status, schema::invocation_status::killed);
        const auto found = last_end.find(row.invocation);
        row.ended = std::max(row.started, found == last_end.end() ? 0.0 : found->second);
        t.invocations.overwrite(i, &row);
        killed.push_back(row.invocation);
    }
    return killed;
}

}  // namespace

bool Repair::any() const { return orphans() + dropped_torn > 0 || !killed_invocations.empty(); }

hsize_t Repair::orphans() const {
    return dropped_samples + dropped_axes + dropped_environment + dropped_case_environment + dropped_components;
}

// `metrics` is left whole: a row of an uncommitted case is a valid, unused entry (commit_rule.hpp).
Repair repair_for_resume(Tables& t, const Committed& c) {
    Repair r;
    r.dropped_samples = cut(t.samples, c.samples);
    r.dropped_axes = cut(t.axes, c.axes);
    r.dropped_environment = cut(t.environment, c.environment);
    r.dropped_case_environment = cut(t.case_environment, c.case_environment);
    r.dropped_components = cut(t.components, c.components);
    r.dropped_torn = cut(t.cases, c.cases) + cut(t.ranks, c.ranks) + cut(t.invocations, c.invocations);
    r.killed_invocations = mark_running_as_killed(t, c.cases);
    return r;
}

std::string recovery_note(const std::string& file_name, bool cleared_flags, const Repair& repair,
                          hsize_t committed_cases) {
    std::vector<std::string> done;
    if (cleared_flags) done.push_back("cleared HDF5 status flags left by an interrupted writer");
    if (const hsize_t orphans = repair.orphans(); orphans > 0)
        done.push_back(
            fmt::format("dropped {} orphan rows ({} samples, {} case_axes, {} rank_environment, "
                        "{} case_environment, {} components)",
                        orphans, repair.dropped_samples, repair.dropped_axes, repair.dropped_environment,
                        repair.dropped_case_environment, repair.dropped_components));
    if (repair.dropped_torn > 0) done.push_back(fmt::format("dropped {} half-written rows", repair.dropped_torn));
    if (!repair.killed_invocations.empty())
        done.push_back(fmt::format("marked invocation {} killed", fmt::join(repair.killed_invocations, ", ")));
    if (done.empty()) return "";
    return fmt::format("recovered {}: {} ({} cases intact)", file_name, fmt::join(done, "; "), committed_cases);
}

}  // namespace perfmatrix
