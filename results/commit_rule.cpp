#include "results/commit_rule.hpp"

#include "results/fixed_string.hpp"

#include <cstring>
#include <string>

namespace perfmatrix {

namespace {

using schema::CaseRow;
using schema::EnvironmentRow;
using schema::InvocationRow;
using schema::RankRow;

// The stored range [first, first+count) lies within a table of `rows` rows.
bool within(std::int64_t first, std::int64_t count, hsize_t rows) {
    return first >= 0 && count >= 0 && static_cast<hsize_t>(first) + static_cast<hsize_t>(count) <= rows;
}

hsize_t end_of(std::int64_t first, std::int64_t count) { return static_cast<hsize_t>(first + count); }

// Rows [first, first+count) lie within the table and both ends name case_id. Checking the
// ends is enough: rows of one case are written by one append.
bool range_belongs_to(const Table& table, std::int64_t first, std::int64_t count, const char* case_id) {
    if (!within(first, count, table.rows())) return false;
    if (count == 0) return true;
    char id[schema::width::case_id];
    for (const hsize_t index : {static_cast<hsize_t>(first), end_of(first, count) - 1}) {
        table.read_column("case_id", index, 1, id);
        if (std::memcmp(id, case_id, sizeof id) != 0) return false;
    }
    return true;
}

// The same for a table whose rows name their case by its row index in `cases`.
bool range_belongs_to(const Table& table, std::int64_t first, std::int64_t count, hsize_t case_row) {
    if (!within(first, count, table.rows())) return false;
    if (count == 0) return true;
    std::int32_t owner = 0;
    for (const hsize_t index : {static_cast<hsize_t>(first), end_of(first, count) - 1}) {
        table.read_column("case", index, 1, &owner);
        if (owner < 0 || static_cast<hsize_t>(owner) != case_row) return false;
    }
    return true;
}

// `row` is row `index` of cases.
bool case_is_whole(const Tables& t, const CaseRow& row, hsize_t index) {
    return row.case_id[0] != '\0' && range_belongs_to(t.axes, row.axes_first, row.axes_count, row.case_id) &&
           range_belongs_to(t.samples, row.samples_first, row.samples_count, index) &&
           range_belongs_to(t.case_environment, row.env_first, row.env_count, row.case_id) &&
           range_belongs_to(t.components, row.components_first, row.components_count, index);
}

bool rank_is_whole(const Tables& t, const RankRow& row) {
    if (!within(row.env_first, row.env_count, t.environment.rows())) return false;
    if (row.env_count == 0) return true;
    const auto last = t.environment.read_row<EnvironmentRow>(end_of(row.env_first, row.env_count) - 1);
    return last.invocation == row.invocation && last.rank == row.rank;
}

void find_committed_cases(const Tables& t, Committed& c) {
    for (hsize_t n = t.cases.rows(); n > 0; --n) {
        const auto row = t.cases.read_row<CaseRow>(n - 1);
        if (case_is_whole(t, row, n - 1)) {
            c.cases = n;
            c.axes = end_of(row.axes_first, row.axes_count);
            c.samples = end_of(row.samples_first, row.samples_count);
            c.case_environment = end_of(row.env_first, row.env_count);
            c.components = end_of(row.components_first, row.components_count);
            return;
        }
    }
}

void find_committed_ranks(const Tables& t, Committed& c) {
    for (hsize_t n = t.ranks.rows(); n > 0; --n) {
        const auto row = t.ranks.read_row<RankRow>(n - 1);
        if (rank_is_whole(t, row)) {
            c.ranks = n;
            c.environment = end_of(row.env_first, row.env_count);
            return;
        }
    }
}

void find_committed_invocations(const Tables& t, Committed& c) {
    for (hsize_t n = t.invocations.rows(); n > 0; --n) {
        const auto row = t.invocations.read_row<InvocationRow>(n - 1);
        if (row.status[0] != '\0' && row.invocation == static_cast<std::int32_t>(n - 1)) {
            c.invocations = n;
            return;
        }
    }
}

}  // namespace

Committed find_committed(const Tables& tables) {
    Committed c;
    c.metrics = tables.metrics.rows();
    find_committed_invocations(tables, c);
    find_committed_ranks(tables, c);
    find_committed_cases(tables, c);
    return c;
}

}  // namespace perfmatrix
