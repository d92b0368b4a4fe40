#include "results/results_reader.hpp"

#include "results/case_rounds.hpp"

#include "results/commit_rule.hpp"
#include "results/fixed_string.hpp"
#include "results/prefault.hpp"
#include "results/recovery.hpp"
#include "results/root_attributes.hpp"
#include "results/row_cursor.hpp"
#include "results/rows.hpp"
#include "results/tables.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace perfmatrix {

namespace {

std::vector<InvocationRecord> read_invocations(const Tables& t, const Committed& c) {
    std::vector<InvocationRecord> out;
    for (const auto& row : t.invocations.read_rows<schema::InvocationRow>(0, c.invocations))
        out.push_back(from_row(row));
    return out;
}

std::vector<RankRecord> read_ranks(const Tables& t, const Committed& c, const std::string& name) {
    const auto env = t.environment.read_rows<schema::EnvironmentRow>(0, c.environment);
    std::vector<RankRecord> out;
    for (const auto& row : t.ranks.read_rows<schema::RankRow>(0, c.ranks)) {
        RankRecord r = from_row(row);
        if (row.env_first < 0 || row.env_count < 0 ||
            static_cast<std::size_t>(row.env_first + row.env_count) > env.size())
            throw std::runtime_error(
                fmt::format("{}: damaged: environment rows of rank {} are missing", name, row.rank));
        for (auto i = static_cast<std::size_t>(row.env_first);
             i < static_cast<std::size_t>(row.env_first + row.env_count); ++i)
            r.info.environment.emplace_back(get_fixed(env[i].key), get_fixed(env[i].value));
        out.push_back(std::move(r));
    }
    return out;
}

std::vector<MetricSpec> read_metrics(const Tables& t, const Committed& c) {
    std::vector<MetricSpec> out;
    for (const auto& row : t.metrics.read_rows<schema::MetricRow>(0, c.metrics)) out.push_back(from_row(row));
    return out;
}

// The case `c`, row `index` of cases, in messages.
std::string case_name(const schema::CaseRow& c, hsize_t index) {
    return fmt::format("'{}' (row {} of cases)", get_fixed(c.case_id), index);
}

// Whether a row belongs to case `c`, row `index` of cases: samples and components name their
// case by that index, the other tables by its id.
template <class Row>
bool belongs_to(const Row& row, const schema::CaseRow& c, hsize_t index) {
    if constexpr (requires { row.case_row; })
        return row.case_row >= 0 && static_cast<hsize_t>(row.case_row) == index;
    else
        return std::memcmp(row.case_id, c.case_id, sizeof c.case_id) == 0;
}

// The case a row names, in messages.
template <class Row>
std::string owner_of(const Row& row) {
    if constexpr (requires { row.case_row; })
        return fmt::format("row {} of cases", row.case_row);
    else
        return fmt::format("'{}'", get_fixed(row.case_id));
}

// What a case's rows are read against: where they are, the metrics they name, and which of
// those the case has used so far.
struct CaseContext {
    const schema::CaseRow& row;
    hsize_t index;  // of row in cases
    const std::vector<MetricSpec>& metrics;
    std::vector<char>& used;  // per row of metrics
    const std::string& name;  // of the file
};

// The record a row holds; samples and components also name their metric.
template <class Row>
auto record_of(const Row& row, const CaseContext& c, const char* table, hsize_t position) {
    if constexpr (requires { row.metric; }) {
        if (row.metric < 0 || static_cast<std::size_t>(row.metric) >= c.metrics.size())
            throw std::runtime_error(fmt::format("{}: damaged: {} row {} names metric {}, but metrics has {} rows",
                                                 c.name, table, position, row.metric, c.metrics.size()));
        c.used[static_cast<std::size_t>(row.metric)] = 1;
        return from_row(row, c.metrics[static_cast<std::size_t>(row.metric)]);
    } else {
        return from_row(row);
    }
}

// The metrics a case's rows named, in the order of `metrics`.
std::vector<MetricSpec> used_metrics(const CaseContext& c) {
    std::vector<MetricSpec> out;
    for (std::size_t i = 0; i < c.used.size(); ++i)
        if (c.used[i]) out.push_back(c.metrics[i]);
    return out;
}

// Rows of one case must say they are its rows; anything else means the file is damaged
// beyond what the commit rule accounts for, and guessing would attach samples to the wrong
// case.
template <class Row>
const Row& row_of_case(RowCursor<Row>& cursor, const schema::CaseRow& c, hsize_t index, const char* table,
                       const std::string& name) {
    const hsize_t position = cursor.position();
    if (cursor.done())
        throw std::runtime_error(
            fmt::format("{}: damaged: {} ends before the rows of case {}", name, table, case_name(c, index)));
    const Row& row = cursor.next();
    if (!belongs_to(row, c, index))
        throw std::runtime_error(
            fmt::format("{}: damaged: {} row {} belongs to case {}, not to {} whose rows it "
                        "should be",
                        name, table, position, owner_of(row), case_name(c, index)));
    return row;
}

// The next `count` rows of a case's table, which must start where the case row says.
template <class Row, class Item>
void read_rows_of_case(RowCursor<Row>& cursor, const CaseContext& c, std::int64_t first, std::int64_t count,
                       const char* table, std::vector<Item>& out) {
    if (first != static_cast<std::int64_t>(cursor.position()))
        throw std::runtime_error(fmt::format("{}: damaged: {} rows of case {} are not where the case row says", c.name,
                                             table, case_name(c.row, c.index)));
    // Checked before the reserve: a damaged count must not become a huge allocation.
    if (count < 0 || static_cast<hsize_t>(count) > cursor.remaining())
        throw std::runtime_error(fmt::format("{}: damaged: case {} claims {} rows of {}, and {} are left", c.name,
                                             case_name(c.row, c.index), count, table, cursor.remaining()));
    out.reserve(static_cast<std::size_t>(count));
    prefault(out.data(), out.capacity() * sizeof(Item));
    for (std::int64_t i = 0; i < count; ++i) {
        const hsize_t position = cursor.position();
        out.push_back(record_of(row_of_case(cursor, c.row, c.index, table, c.name), c, table, position));
    }
}

// Samples are read in larger blocks: millions of 24-byte rows, and each read has a fixed cost.
constexpr hsize_t sample_block_rows = 1 << 16;

std::vector<CaseRecord> read_cases(const Tables& t, const Committed& c, const std::string& name) {
    const std::vector<MetricSpec> metrics = read_metrics(t, c);
    std::vector<char> used(metrics.size());
    RowCursor<schema::CaseRow> cases(t.cases, c.cases, 1024);
    RowCursor<schema::AxisRow> axes(t.axes, c.axes);
    RowCursor<schema::SampleRow> samples(t.samples, c.samples, sample_block_rows);
    RowCursor<schema::CaseEnvironmentRow> environment(t.case_environment, c.case_environment);
    RowCursor<schema::ComponentRow> components(t.components, c.components);
    std::vector<CaseRecord> out;
    while (!cases.done()) {
        const hsize_t index = cases.position();
        const schema::CaseRow& row = cases.next();
        std::fill(used.begin(), used.end(), 0);
        const CaseContext context{row, index, metrics, used, name};
        CaseRecord r = from_row(row);
        read_rows_of_case(axes, context, row.axes_first, row.axes_count, "case_axes", r.axes);
        read_rows_of_case(samples, context, row.samples_first, row.samples_count, "samples", r.samples);
        for (Sample& sample : r.samples) sample.round = r.round;
        read_rows_of_case(environment, context, row.env_first, row.env_count, "case_environment", r.environment);
        read_rows_of_case(components, context, row.components_first, row.components_count, "components", r.components);
        r.metrics = used_metrics(context);
        out.push_back(std::move(r));
    }
    return merge_rounds(std::move(out));
}

std::string reading_note(const std::string& name, const OpenedFile& opened, std::size_t cases) {
    if (opened.cleared_flags)
        return fmt::format("recovered {}: cleared HDF5 status flags left by an interrupted writer ({} cases intact)",
                           name, cases);
    if (opened.live_writer)
        return fmt::format("{} is being written by a running perfmatrix: read the {} cases committed so far", name,
                           cases);
    return "";
}

// Said beside the recovery note: which checksums were not verified, and why that is safe.
std::string torn_note(const std::vector<std::string>& tables) {
    if (tables.empty()) return "";
    return fmt::format(
        "; the last chunk of {} failed its checksum (a write cut short by the crash, or still under way): its "
        "committed "
        "rows were read unchecked",
        fmt::join(tables, ", "));
}

}  // namespace

Results read_results(const std::filesystem::path& file, std::string* note) {
    const std::string name = file.string();
    const OpenedFile opened = open_for_reading(file);
    const hid_t id = opened.file.get();
    Results r;
    r.schema_version = read_schema_version(id, name);
    r.meta = read_run_meta(id, name);
    const Tables tables = open_tables(id, name, opened.cleared_flags || opened.live_writer);
    const Committed committed = find_committed(tables);
    r.invocations = read_invocations(tables, committed);
    r.ranks = read_ranks(tables, committed, name);
    r.cases = read_cases(tables, committed, name);
    r.writer_active = opened.live_writer;
    if (note) *note = reading_note(name, opened, r.cases.size()) + torn_note(tables_read_torn(tables));
    return r;
}

}  // namespace perfmatrix
