#include "results/results_writer.hpp"

#include "measure/system/host_name.hpp"
#include "results/commit_rule.hpp"
#include "results/fixed_string.hpp"
#include "results/metric_index.hpp"
#include "results/metric_of.hpp"
#include "results/recovery.hpp"
#include "results/repair.hpp"
#include "results/root_attributes.hpp"
#include "results/rows.hpp"
#include "results/schema.hpp"
#include "results/tables.hpp"

#include <algorithm>
#include <chrono>
#include <optional>
#include <span>
#include <stdexcept>
#include <string_view>
#include <vector>

namespace perfmatrix {

namespace {

void start_swmr(hid_t file, const std::string& file_name) {
    h5::check(H5Fstart_swmr_write(file), file_name, "start SWMR writing");
}

std::set<std::pair<std::string, int>> read_units(const Table& cases, hsize_t n) {
    constexpr std::size_t width = schema::width::case_id;
    std::vector<char> ids(n * width);
    std::vector<std::int32_t> rounds(n);
    cases.read_column("case_id", 0, n, ids.data());
    cases.read_column("round", 0, n, rounds.data());
    std::set<std::pair<std::string, int>> out;
    for (hsize_t i = 0; i < n; ++i) out.emplace(get_fixed(ids.data() + i * width, width), rounds[i]);
    return out;
}

// "killed" is not among them: only resume can tell that a run was killed.
bool is_finish_status(const std::string& s) {
    return s == schema::invocation_status::completed || s == schema::invocation_status::interrupted ||
           s == schema::invocation_status::failed;
}

// Everything a new file holds before SWMR starts. SWMR needs every dataset to exist first:
// nothing is created afterwards.
Tables lay_out_new_file(hid_t file, const std::string& name, const RunMeta& meta) {
    write_root_attributes(file, name, meta, unix_now());
    Tables tables = create_tables(file, name);
    start_swmr(file, name);
    return tables;
}

}  // namespace

struct ResultsWriter::Impl {
    // Members are destroyed bottom-up: tables close before the file, the file before the lock.
    std::filesystem::path path;
    std::string name;  // path as text, for messages
    OpenedFile opened;
    RunMeta meta;
    Tables tables;
    MetricIndex metrics;
    std::set<std::pair<std::string, int>> committed;  // (case id, round)
    std::optional<InvocationRecord> open_invocation;
    bool append_failed = false;  // an append threw midway: rows after it would not line up
    // Reused across commits: the rows of the cases being committed, per table.
    std::vector<schema::CaseRow> case_rows;
    std::vector<schema::SampleRow> sample_rows;
    std::vector<schema::AxisRow> axis_rows;
    std::vector<schema::CaseEnvironmentRow> environment_rows;
    std::vector<schema::ComponentRow> component_rows;

    Impl(std::filesystem::path p, OpenedFile o, RunMeta m, Tables t)
        : path(std::move(p)),
          name(path.string()),
          opened(std::move(o)),
          meta(std::move(m)),
          tables(std::move(t)),
          metrics(MetricIndex::from_table(tables.metrics)) {}
    ~Impl();
    Impl(const Impl&) = delete;
    Impl& operator=(const Impl&) = delete;

    void check_new_unit(const std::string& id, int round) const;
    void check_new_units(std::span<const CaseRecord> cases) const;
    void check_appendable() const;
    template <class Write>
    void append_guarded(Write write);
    void make_durable(Table& commit_table);
    void write_cases(std::span<const CaseRecord> cases);
    void fill_rows(std::span<const CaseRecord> cases);
    bool append_new_metrics();
    void append_case_rows();
    void flush_case_rows(bool new_metrics);
    void append_commit_rows();
    void finish(const std::string& status, double ended);
};

void ResultsWriter::Impl::check_new_unit(const std::string& id, int round) const {
    // Ids are keys: shortening one could merge two cases, so refuse instead.
    if (id.empty()) throw std::invalid_argument(name + ": cannot commit a case with an empty id");
    if (id.size() > schema::width::case_id)
        throw std::invalid_argument(name + ": case id longer than " + std::to_string(schema::width::case_id) +
                                    " bytes: " + id.substr(0, 64) + "...");
    if (round < 0) throw std::invalid_argument(name + ": case " + id + ": negative round " + std::to_string(round));
    if (committed.count({id, round}) != 0)
        throw std::invalid_argument(name + ": case " + id + " round " + std::to_string(round) +
                                    " is already committed");
}

// Every check before anything is written: a group is refused whole, never half stored.
void ResultsWriter::Impl::check_new_units(std::span<const CaseRecord> cases) const {
    std::set<std::pair<std::string_view, int>> group;
    for (const CaseRecord& c : cases) {
        check_new_unit(c.case_id, c.round);
        if (cases.size() > 1 && !group.emplace(c.case_id, c.round).second)
            throw std::invalid_argument(name + ": case " + c.case_id + " round " + std::to_string(c.round) +
                                        " is twice in one commit");
    }
}

void ResultsWriter::Impl::check_appendable() const {
    if (append_failed)
        throw std::runtime_error(name + ": an earlier write to this file failed; rerun with --resume to repair it");
}

// Rows of one case or rank must be contiguous and end with their commit row. After a failure
// halfway, further appends would land behind orphan rows and break that, so refuse them;
// resume cuts the orphans off.
template <class Write>
void ResultsWriter::Impl::append_guarded(Write write) {
    check_appendable();
    try {
        write();
    } catch (...) {
        append_failed = true;
        throw;
    }
}

// The commit row's table first, then the whole file: H5Fflush also writes the superblock's
// end-of-allocation, so that after a crash only the rows in flight lie beyond it.
void ResultsWriter::Impl::make_durable(Table& commit_table) {
    commit_table.flush();
    h5::check(H5Fflush(opened.file.get(), H5F_SCOPE_LOCAL), name, "flush");
}

namespace {

template <class Row, class Item>
void add_rows(std::vector<Row>& rows, const std::string& case_id, const std::vector<Item>& items) {
    for (const Item& item : items) rows.push_back(to_row(case_id, item));
}

// Samples and components name their case and metric by row index. A case uses a handful of
// metrics, each described once (metric_of) rather than once per sample.
template <class Row, class Item>
void add_indexed_rows(std::vector<Row>& rows, std::int32_t case_row, MetricIndex& metrics, const CaseRecord& c,
                      const std::vector<Item>& items) {
    struct Seen {
        std::string_view metric, unit;
        std::int32_t row;
    };
    std::vector<Seen> seen;
    for (const Item& item : items) {
        auto it = std::find_if(seen.begin(), seen.end(),
                               [&](const Seen& s) { return s.metric == item.metric && s.unit == item.unit; });
        if (it == seen.end()) {
            seen.push_back({item.metric, item.unit, metrics.row_of(metric_of(c, item.metric, item.unit))});
            it = seen.end() - 1;
        }
        rows.push_back(to_row(case_row, it->row, item));
    }
}

}  // namespace

// The cases' rows of every table, flushed, then their case rows, durable. One append and one
// flush per table serve the whole group: that is what makes a group cheaper than its cases one
// by one. New metrics go first: every row that names one must find it there.
void ResultsWriter::Impl::write_cases(std::span<const CaseRecord> cases) {
    fill_rows(cases);
    const bool new_metrics = append_new_metrics();
    append_case_rows();
    flush_case_rows(new_metrics);
    append_commit_rows();
}

// Each case's rows follow the previous case's in every table, so its case row's ranges are
// the tables' current ends plus the rows of the cases before it in the group.
void ResultsWriter::Impl::fill_rows(std::span<const CaseRecord> cases) {
    const CaseRowStarts ends = next_case_starts(tables);
    const auto first_row = static_cast<std::int32_t>(tables.cases.rows());
    case_rows.clear();
    sample_rows.clear();
    axis_rows.clear();
    environment_rows.clear();
    component_rows.clear();
    for (std::size_t i = 0; i < cases.size(); ++i) {
        const CaseRecord& c = cases[i];
        case_rows.push_back(
            to_row(c, {ends.axes + axis_rows.size(), ends.samples + sample_rows.size(),
                       ends.environment + environment_rows.size(), ends.components + component_rows.size()}));
        const auto case_row = first_row + static_cast<std::int32_t>(i);
        add_indexed_rows(sample_rows, case_row, metrics, c, c.samples);
        add_indexed_rows(component_rows, case_row, metrics, c, c.components);
        add_rows(axis_rows, c.case_id, c.axes);
        add_rows(environment_rows, c.case_id, c.environment);
    }
}

// The metrics these cases are the first to use; false when there were none.
bool ResultsWriter::Impl::append_new_metrics() {
    const std::vector<schema::MetricRow> rows = metrics.take_new_rows();
    tables.metrics.append(rows.data(), rows.size());
    return !rows.empty();
}

void ResultsWriter::Impl::append_case_rows() {
    tables.axes.append(axis_rows.data(), axis_rows.size());
    tables.samples.append(sample_rows.data(), sample_rows.size());
    tables.case_environment.append(environment_rows.data(), environment_rows.size());
    tables.components.append(component_rows.data(), component_rows.size());
}

// Only tables that got rows: nothing else of these cases has to reach the file before their
// case rows, and most cases have no environment, components or new metrics.
void ResultsWriter::Impl::flush_case_rows(bool new_metrics) {
    if (new_metrics) tables.metrics.flush();
    if (!axis_rows.empty()) tables.axes.flush();
    if (!sample_rows.empty()) tables.samples.flush();
    if (!environment_rows.empty()) tables.case_environment.flush();
    if (!component_rows.empty()) tables.components.flush();
}

// The case rows, in pieces that end where a chunk of `cases` ends, each made durable before
// the next is written. Within one flush HDF5 may write a later chunk before an earlier one; a
// crash there could leave a case row on disk behind a missing one, and the commit rule reads
// every row before the last whole case as committed. Piece by piece, what a crash leaves is a
// prefix of the group.
void ResultsWriter::Impl::append_commit_rows() {
    const hsize_t chunk = tables.cases.chunk_rows();
    for (std::size_t done = 0; done < case_rows.size();) {
        const auto room = static_cast<std::size_t>(chunk - tables.cases.rows() % chunk);
        const std::size_t n = std::min(room, case_rows.size() - done);
        tables.cases.append(case_rows.data() + done, n);
        make_durable(tables.cases);
        done += n;
    }
}

void ResultsWriter::Impl::finish(const std::string& status, double ended) {
    InvocationRecord& inv = *open_invocation;
    inv.status = status;
    inv.ended = ended;
    const schema::InvocationRow row = to_row(inv);
    tables.invocations.overwrite(static_cast<hsize_t>(inv.invocation), &row);
    make_durable(tables.invocations);
    open_invocation.reset();
}

// A writer dropped with its invocation still open (an exception unwound past the run) records
// that run as failed; here, so that a move-assignment over a writer does the same.
ResultsWriter::Impl::~Impl() {
    if (!open_invocation) return;
    try {
        finish(schema::invocation_status::failed, unix_now());
    } catch (...) {
        // Nothing to report to from a destructor; resume will mark it "killed" instead.
    }
}

ResultsWriter::ResultsWriter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ResultsWriter::ResultsWriter(ResultsWriter&&) noexcept = default;
ResultsWriter& ResultsWriter::operator=(ResultsWriter&&) noexcept = default;
ResultsWriter::~ResultsWriter() = default;

ResultsWriter::Impl& ResultsWriter::impl() const {
    if (!impl_) throw std::logic_error("ResultsWriter used after being moved from");
    return *impl_;
}

ResultsWriter ResultsWriter::create(const std::filesystem::path& file, const RunMeta& meta) {
    h5::silence_library_errors();
    const std::string name = file.string();
    if (std::error_code ec; std::filesystem::exists(file, ec))
        throw std::runtime_error(name + ": already exists (continue it with --resume, or choose another file)");
    const h5::PropList fapl = writer_access(file);
    OpenedFile opened;
    // EXCL: never truncate a file that appeared since the check above.
    opened.file = h5::File(h5::check(H5Fcreate(file.c_str(), H5F_ACC_EXCL, H5P_DEFAULT, fapl.get()), name, "create"));
    try {
        opened.lock = WriterLock::acquire(file);
        Tables tables = lay_out_new_file(opened.file.get(), name, meta);
        return ResultsWriter(std::make_unique<Impl>(file, std::move(opened), meta, std::move(tables)));
    } catch (...) {
        // A half-made file would only make the rerun fail with "already exists".
        opened.file.reset();
        std::error_code ec;
        std::filesystem::remove(file, ec);
        throw;
    }
}

ResultsWriter ResultsWriter::resume(const std::filesystem::path& file, const std::string& job_hash,
                                    std::string* recovery_note_out) {
    const std::string name = file.string();
    OpenedFile opened = open_for_writing(file);
    const hid_t id = opened.file.get();
    read_schema_version(id, name);
    RunMeta meta = read_run_meta(id, name);
    if (meta.job_hash != job_hash)
        throw std::invalid_argument(name + ": written for another job (file's job hash " + meta.job_hash +
                                    ", this job's " + job_hash + "); --resume needs the same job file");
    Tables tables = open_tables(id, name, opened.cleared_flags);
    const Committed committed = find_committed(tables);
    const Repair repair = repair_for_resume(tables, committed);
    std::set<std::pair<std::string, int>> ids = read_units(tables.cases, committed.cases);
    start_swmr(id, name);
    if (recovery_note_out) *recovery_note_out = recovery_note(name, opened.cleared_flags, repair, committed.cases);
    auto impl = std::make_unique<Impl>(file, std::move(opened), std::move(meta), std::move(tables));
    impl->committed = std::move(ids);
    return ResultsWriter(std::move(impl));
}

const std::filesystem::path& ResultsWriter::path() const { return impl().path; }

const RunMeta& ResultsWriter::meta() const { return impl().meta; }

std::set<std::pair<std::string, int>> ResultsWriter::committed_units() const { return impl().committed; }

std::set<std::string> ResultsWriter::committed_case_ids() const {
    std::set<std::string> ids;
    for (const auto& unit : impl().committed) ids.insert(unit.first);
    return ids;
}

int ResultsWriter::begin_invocation(InvocationRecord record) {
    Impl& w = impl();
    if (w.open_invocation) throw std::logic_error(w.name + ": begin_invocation while one is open");
    record.invocation = static_cast<int>(w.tables.invocations.rows());
    record.status = schema::invocation_status::running;
    record.ended = 0;
    const schema::InvocationRow row = to_row(record);
    w.append_guarded([&] {
        w.tables.invocations.append(&row, 1);
        w.make_durable(w.tables.invocations);
    });
    w.open_invocation = record;
    return record.invocation;
}

int ResultsWriter::copy_invocation(InvocationRecord record) {
    Impl& w = impl();
    if (w.open_invocation) throw std::logic_error(w.name + ": copy_invocation while one is open");
    record.invocation = static_cast<int>(w.tables.invocations.rows());
    const schema::InvocationRow row = to_row(record);
    w.append_guarded([&] {
        w.tables.invocations.append(&row, 1);
        w.make_durable(w.tables.invocations);
    });
    return record.invocation;
}

void ResultsWriter::add_rank(const RankRecord& rank) {
    Impl& w = impl();
    std::vector<schema::EnvironmentRow> env;
    for (const auto& variable : rank.info.environment) env.push_back(to_row(rank, variable));
    const schema::RankRow row = to_row(rank, w.tables.environment.rows());
    w.append_guarded([&] {
        // Environment first, rank row last: the rank row is the commit mark (commit_rule.hpp).
        w.tables.environment.append(env.data(), env.size());
        w.tables.environment.flush();
        w.tables.ranks.append(&row, 1);
        w.make_durable(w.tables.ranks);
    });
}

void ResultsWriter::commit_case(const CaseRecord& c) { commit_cases(std::span<const CaseRecord>(&c, 1)); }

void ResultsWriter::commit_cases(std::span<const CaseRecord> cases) {
    if (cases.empty()) return;
    Impl& w = impl();
    w.check_new_units(cases);
    // The cases' rows reach the file before the case rows that commit them.
    w.append_guarded([&] { w.write_cases(cases); });
    for (const CaseRecord& c : cases) w.committed.emplace(c.case_id, c.round);
}

void ResultsWriter::finish_invocation(const std::string& status, double ended) {
    Impl& w = impl();
    if (!w.open_invocation) throw std::logic_error(w.name + ": finish_invocation without begin_invocation");
    if (!is_finish_status(status))
        throw std::invalid_argument(w.name + ": invocation status must be completed, interrupted or failed, not '" +
                                    status + "'");
    w.finish(status, ended);
}

}  // namespace perfmatrix
