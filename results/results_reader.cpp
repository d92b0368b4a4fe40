#include "results/results_reader.hpp"

#include "results/commit_rule.hpp"
#include "results/fixed_string.hpp"
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
            throw std::runtime_error(fmt::format("{}: damaged: environment rows of rank {} are missing", name, row.rank));
        for (auto i = static_cast<std::size_t>(row.env_first); i < static_cast<std::size_t>(row.env_first + row.env_count); ++i)
            r.info.environment.emplace_back(get_fixed(env[i].key), get_fixed(env[i].value));
        out.push_back(std::move(r));
    }
    return out;
}

// Rows of one case must carry its id; anything else means the file is damaged beyond what
// the commit rule accounts for, and guessing would attach samples to the wrong case.
template <class Row>
const Row& row_of_case(RowCursor<Row>& cursor, const schema::CaseRow& c, const char* table, const std::string& name) {
    const hsize_t index = cursor.position();
    if (cursor.done())
        throw std::runtime_error(fmt::format("{}: damaged: {} ends before the rows of case '{}'", name, table,
                                             get_fixed(c.case_id)));
    const Row& row = cursor.next();
    if (std::memcmp(row.case_id, c.case_id, sizeof c.case_id) != 0)
        throw std::runtime_error(fmt::format("{}: damaged: {} row {} belongs to case '{}', not to '{}' whose rows it "
                                             "should be",
                                             name, table, index, get_fixed(row.case_id), get_fixed(c.case_id)));
    return row;
}

// The next `count` rows of a case's table, which must start where the case row says.
template <class Row, class Item>
void read_rows_of_case(RowCursor<Row>& cursor, const schema::CaseRow& c, std::int64_t first, std::int64_t count,
                       const char* table, const std::string& name, std::vector<Item>& out) {
    if (first != static_cast<std::int64_t>(cursor.position()))
        throw std::runtime_error(fmt::format("{}: damaged: {} rows of case '{}' are not where the case row says", name,
                                             table, get_fixed(c.case_id)));
    out.reserve(static_cast<std::size_t>(std::max<std::int64_t>(count, 0)));
    for (std::int64_t i = 0; i < count; ++i) out.push_back(from_row(row_of_case(cursor, c, table, name)));
}

std::vector<CaseRecord> read_cases(const Tables& t, const Committed& c, const std::string& name) {
    RowCursor<schema::CaseRow> cases(t.cases, c.cases, 1024);
    RowCursor<schema::AxisRow> axes(t.axes, c.axes);
    RowCursor<schema::SampleRow> samples(t.samples, c.samples);
    RowCursor<schema::CaseEnvironmentRow> environment(t.case_environment, c.case_environment);
    RowCursor<schema::ComponentRow> components(t.components, c.components);
    std::vector<CaseRecord> out;
    while (!cases.done()) {
        const schema::CaseRow& row = cases.next();
        CaseRecord r = from_row(row);
        read_rows_of_case(axes, row, row.axes_first, row.axes_count, "case_axes", name, r.axes);
        read_rows_of_case(samples, row, row.samples_first, row.samples_count, "samples", name, r.samples);
        read_rows_of_case(environment, row, row.env_first, row.env_count, "case_environment", name, r.environment);
        read_rows_of_case(components, row, row.components_first, row.components_count, "components", name,
                          r.components);
        out.push_back(std::move(r));
    }
    return out;
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

}  // namespace

Results read_results(const std::filesystem::path& file, std::string* note) {
    const std::string name = file.string();
    const OpenedFile opened = open_for_reading(file);
    const hid_t id = opened.file.get();
    Results r;
    r.schema_version = read_schema_version(id, name);
    r.meta = read_run_meta(id, name);
    const Tables tables = open_tables(id, name);
    const Committed committed = find_committed(tables);
    r.invocations = read_invocations(tables, committed);
    r.ranks = read_ranks(tables, committed, name);
    r.cases = read_cases(tables, committed, name);
    r.writer_active = opened.live_writer;
    if (note) *note = reading_note(name, opened, r.cases.size());
    return r;
}

}  // namespace perfmatrix
