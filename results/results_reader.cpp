#include "results/results_reader.hpp"
#include "results/settings_entry.hpp"

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
#include <mutex>
#include <optional>
#include <stdexcept>
#include <unordered_map>

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

// Where one round's samples lie, for CaseSamples::load: read_results_by_case reads none.
struct SampleRange {
    hsize_t case_row = 0;  // in cases: the rows' `case` column must say it
    int round = 0;
    std::int64_t first = 0, count = 0;
    std::vector<std::int32_t> component_metrics;  // rows of metrics its components name
};
using SampleRanges = std::unordered_map<std::string, std::vector<SampleRange>>;  // by case id

// The next `count` sample rows of a case, skipped: checked as read_rows_of_case checks them
// before it reads any, and left where they are.
void skip_samples_of_case(hsize_t& position, hsize_t end, const CaseContext& c) {
    const std::int64_t first = c.row.samples_first, count = c.row.samples_count;
    if (first != static_cast<std::int64_t>(position))
        throw std::runtime_error(fmt::format("{}: damaged: samples rows of case {} are not where the case row says",
                                             c.name, case_name(c.row, c.index)));
    if (count < 0 || static_cast<hsize_t>(count) > end - position)
        throw std::runtime_error(fmt::format("{}: damaged: case {} claims {} rows of samples, and {} are left", c.name,
                                             case_name(c.row, c.index), count, end - position));
    position += static_cast<hsize_t>(count);
}

std::vector<std::int32_t> used_rows(const std::vector<char>& used) {
    std::vector<std::int32_t> out;
    for (std::size_t i = 0; i < used.size(); ++i)
        if (used[i]) out.push_back(static_cast<std::int32_t>(i));
    return out;
}

// Every committed case row with its other rows; with `ranges`, samples are left in the file and
// their place noted there instead.
std::vector<CaseRecord> read_cases(const Tables& t, const Committed& c, const std::string& name, SampleRanges* ranges) {
    const std::vector<MetricSpec> metrics = read_metrics(t, c);
    std::vector<char> used(metrics.size());
    RowCursor<schema::CaseRow> cases(t.cases, c.cases, 1024);
    RowCursor<schema::AxisRow> axes(t.axes, c.axes);
    RowCursor<schema::SampleRow> samples(t.samples, c.samples, sample_block_rows);
    hsize_t skipped_samples = 0;
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
        if (ranges)
            skip_samples_of_case(skipped_samples, c.samples, context);
        else
            read_rows_of_case(samples, context, row.samples_first, row.samples_count, "samples", r.samples);
        for (Sample& sample : r.samples) sample.round = r.round;
        read_rows_of_case(environment, context, row.env_first, row.env_count, "case_environment", r.environment);
        expand_settings(r.environment);
        read_rows_of_case(components, context, row.components_first, row.components_count, "components", r.components);
        if (ranges)
            (*ranges)[r.case_id].push_back({index, r.round, row.samples_first, row.samples_count, used_rows(used)});
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

// What both ways of reading share: everything but the samples, which go into the records when
// `ranges` is null and are only located (into *ranges) otherwise.
// `schema_version` is read (and checked) before the tables are opened: a file of another version
// is refused naming both versions, before a missing table could say less.
Results read_all_but(const std::string& name, int schema_version, const OpenedFile& opened, const Tables& tables,
                     SampleRanges* ranges, std::string* note) {
    const hid_t id = opened.file.get();
    Results r;
    r.schema_version = schema_version;
    r.meta = read_run_meta(id, name);
    const Committed committed = find_committed(tables);
    r.invocations = read_invocations(tables, committed);
    r.ranks = read_ranks(tables, committed, name);
    r.cases = read_cases(tables, committed, name, ranges);
    r.writer_active = opened.live_writer;
    if (note) *note = reading_note(name, opened, r.cases.size()) + torn_note(tables_read_torn(tables));
    return r;
}

}  // namespace

Results read_results(const std::filesystem::path& file, std::string* note) {
    const std::string name = file.string();
    const OpenedFile opened = open_for_reading(file);
    const int version = read_schema_version(opened.file.get(), name);
    const Tables tables = open_tables(opened.file.get(), name, opened.cleared_flags || opened.live_writer);
    return read_all_but(name, version, opened, tables, nullptr, note);
}

// The open file and where each case's samples lie in it. Members in this order so that the
// tables close before the file, and the file before its lock.
struct CaseSamples::State {
    std::string name;
    OpenedFile opened;
    std::optional<Tables> tables;  // Table has no empty state
    std::vector<MetricSpec> metrics;
    SampleRanges ranges;
    std::mutex reading;  // HDF5 calls, one at a time
};

CaseSamples::CaseSamples(std::unique_ptr<State> state) : state_(std::move(state)) {}
CaseSamples::~CaseSamples() = default;

namespace {

// One round's sample rows, read whole and checked as read_rows_of_case checks them.
void read_round_samples(const CaseSamples::State& s, const CaseRecord& c, const SampleRange& range,
                        std::vector<char>& used, std::vector<Sample>& out, std::mutex& reading) {
    thread_local std::vector<schema::SampleRow> rows;  // reused: fresh pages per case cost more than the read
    rows.resize(static_cast<std::size_t>(range.count));
    if (range.count > 0) {
        const std::lock_guard lock(reading);
        s.tables->samples.read(static_cast<hsize_t>(range.first), static_cast<hsize_t>(range.count), rows.data());
    }
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const schema::SampleRow& row = rows[i];
        const hsize_t position = static_cast<hsize_t>(range.first) + i;
        if (row.case_row < 0 || static_cast<hsize_t>(row.case_row) != range.case_row)
            throw std::runtime_error(fmt::format(
                "{}: damaged: samples row {} belongs to case row {} of cases, not to '{}' (row {} of cases) whose "
                "rows it should be",
                s.name, position, row.case_row, c.case_id, range.case_row));
        if (row.metric < 0 || static_cast<std::size_t>(row.metric) >= s.metrics.size())
            throw std::runtime_error(fmt::format("{}: damaged: samples row {} names metric {}, but metrics has {} rows",
                                                 s.name, position, row.metric, s.metrics.size()));
        used[static_cast<std::size_t>(row.metric)] = 1;
        Sample& sample = out.emplace_back(from_row(row, s.metrics[static_cast<std::size_t>(row.metric)]));
        sample.round = range.round;
    }
}

}  // namespace

CaseRecord CaseSamples::load(const CaseRecord& c) const {
    const State& s = *state_;
    const auto found = s.ranges.find(c.case_id);
    if (found == s.ranges.end())
        throw std::invalid_argument(fmt::format("{}: no case '{}' in this file", s.name, c.case_id));
    // Rounds in round order, commit order among equals: merge_rounds' order.
    std::vector<const SampleRange*> rounds;
    std::int64_t total = 0;
    for (const SampleRange& range : found->second) {
        rounds.push_back(&range);
        total += range.count;
    }
    std::stable_sort(rounds.begin(), rounds.end(), [](auto* a, auto* b) { return a->round < b->round; });
    CaseRecord r = c;
    r.samples.clear();
    r.samples.reserve(static_cast<std::size_t>(total));
    prefault(r.samples.data(), r.samples.capacity() * sizeof(Sample));
    r.metrics.clear();
    std::vector<char> used(s.metrics.size());
    for (const SampleRange* range : rounds) {
        std::fill(used.begin(), used.end(), 0);
        for (std::int32_t m : range->component_metrics) used[static_cast<std::size_t>(m)] = 1;
        read_round_samples(s, c, *range, used, r.samples, state_->reading);
        // As read_cases then merge_rounds list them: per round in the order of `metrics`, each
        // metric where it first appears.
        for (std::size_t m = 0; m < used.size(); ++m)
            if (used[m] && std::find(r.metrics.begin(), r.metrics.end(), s.metrics[m]) == r.metrics.end())
                r.metrics.push_back(s.metrics[m]);
    }
    return r;
}

ResultsByCase read_results_by_case(const std::filesystem::path& file, std::string* note) {
    auto state = std::make_unique<CaseSamples::State>();
    state->name = file.string();
    state->opened = open_for_reading(file);
    const OpenedFile& opened = state->opened;
    const int version = read_schema_version(opened.file.get(), state->name);
    state->tables.emplace(open_tables(opened.file.get(), state->name, opened.cleared_flags || opened.live_writer));
    ResultsByCase out;
    out.results = read_all_but(state->name, version, opened, *state->tables, &state->ranges, note);
    Committed every_metric;
    every_metric.metrics = state->tables->metrics.rows();  // as find_committed counts them
    state->metrics = read_metrics(*state->tables, every_metric);
    out.samples = std::make_shared<const CaseSamples>(std::move(state));
    return out;
}

}  // namespace perfmatrix
