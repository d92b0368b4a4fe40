#pragma once
// The on-disk layout of a results file, version 5 (docs/results.md explains it to users).
// One table per concept: a 1-D chunked, extendible dataset of a compound type whose columns
// mirror the row structs below. Rows are only ever appended (and, on --resume, orphan rows
// at the end are cut off), which is what SWMR and crash recovery need.
// Internal to results/: the rest of the project uses records.hpp.

#include "results/h5_handles.hpp"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace perfmatrix::schema {

// 2 added case_environment and components (and their ranges in `cases`). 3 made samples and
// components compact: the case as its row index in `cases`, the metric and unit as a row index
// in the new `metrics` table, instead of fixed-width strings that were ~94% NUL padding and
// made reading 10 M samples inflate ~3.7 GB. 4 made a row of `cases` one round of a case (columns
// `round`, `plan_index` and `node`; a case measured in R rounds has R rows, its axes repeated in each), and added
// the root attributes rounds_override, seed and planned_units. 5 made the file describe its own
// metrics and cases, so that readers know no kind by name: `metrics` gained `higher_is_better`
// and `headline`, `cases` gained `category`. Readers accept only this version: a file of another
// one is refused, not half-read.
inline constexpr int version = 5;

// Tables are gzip-compressed, except samples (TableSpec::deflate). Fixed-width strings are
// mostly NUL padding: level 1 makes such tables ~20x smaller and still commits ~3,000 cases of
// 100 samples per second here, because chunks are small (each commit recompresses the chunks
// it touched). Shuffle was measured to add time for little gain (in version 2, whose samples
// held strings).
inline constexpr unsigned deflate_level = 1;

// Root attributes, written when the file is created.
namespace attr {
inline constexpr const char* schema_version = "schema_version";
inline constexpr const char* job_path = "job_path";
inline constexpr const char* job_text = "job_text";
inline constexpr const char* job_hash = "job_hash";
inline constexpr const char* tool_version = "tool_version";
inline constexpr const char* planned_cases = "planned_cases";
inline constexpr const char* created = "created";
// Added within version 2 (a file without them reads as a whole, unsplit job of unknown
// per-benchmark plan): the job-array share and the planned cases per benchmark (JSON object).
inline constexpr const char* array_split = "array_split";
inline constexpr const char* array_index = "array_index";
inline constexpr const char* planned_per_benchmark = "planned_per_benchmark";
// Added in version 4: `--rounds` (0: each case's own setting), the seed of the order the
// (case, round) units ran in, and the number of units planned.
inline constexpr const char* rounds_override = "rounds_override";
inline constexpr const char* seed = "seed";
inline constexpr const char* planned_units = "planned_units";
// Added within version 5 (a file without them had neither): the command line's other settings
// (a JSON object: repetitions, warmup, sample_time, timeout) and the selection (a JSON object:
// k, benchmark, category), each "" when none was given.
inline constexpr const char* settings_override = "settings_override";
inline constexpr const char* selection = "selection";
}  // namespace attr

// Values of invocations.status.
namespace invocation_status {
inline constexpr const char* running = "running";
inline constexpr const char* completed = "completed";
inline constexpr const char* interrupted = "interrupted";
inline constexpr const char* killed = "killed";  // set by --resume: the process died while running
inline constexpr const char* failed = "failed";
}  // namespace invocation_status

// Bytes of each fixed-length string column (the longest value it holds; no NUL needed).
namespace width {
inline constexpr std::size_t case_id = 256;
inline constexpr std::size_t benchmark = 128;
inline constexpr std::size_t kind = 64;
inline constexpr std::size_t category = 64;  // as kind: an unknown kind is its own category
inline constexpr std::size_t status = 32;
inline constexpr std::size_t reason = 1024;
inline constexpr std::size_t host = 256;
inline constexpr std::size_t command_line = 4096;
inline constexpr std::size_t tool_version = 64;
inline constexpr std::size_t git_describe = 128;
inline constexpr std::size_t cpu_model = 256;
inline constexpr std::size_t cpuset = 256;
inline constexpr std::size_t kernel = 256;
inline constexpr std::size_t gpu_source = 32;
inline constexpr std::size_t env_key = 128;
inline constexpr std::size_t env_value = 1024;
inline constexpr std::size_t axis = 128;
inline constexpr std::size_t axis_value = 512;
inline constexpr std::size_t metric = 64;
inline constexpr std::size_t unit = 32;
// case_environment reuses env_key/env_value: its keys are names like `python.version` or
// `openblas.config`, its values versions, configurations and interpreter paths, the same
// sizes as the rank's variables.
// A component is e.g. a Python module; dotted module names run to ~60 bytes in the standard
// library and big packages, so 256 leaves room without making rows much wider.
inline constexpr std::size_t component = 256;
}  // namespace width

struct InvocationRow {
    std::int32_t invocation;
    double started;
    double ended;
    char status[width::status];
    char command_line[width::command_line];
    char tool_version[width::tool_version];
    char git_describe[width::git_describe];
    char host[width::host];
    std::int32_t mpi_size;
};

struct RankRow {
    std::int32_t invocation;
    std::int32_t rank;
    std::int32_t node;
    char host[width::host];
    char cpu_model[width::cpu_model];
    std::int32_t cores;
    char cpuset[width::cpuset];
    std::int32_t cpuset_size;
    char kernel[width::kernel];
    double load1;
    double load5;
    double load15;
    std::int32_t gpus;
    char gpu_source[width::gpu_source];
    std::int64_t env_first;  // this rank's rows in rank_environment: [env_first, env_first+env_count)
    std::int64_t env_count;
};

struct EnvironmentRow {
    std::int32_t invocation;
    std::int32_t rank;
    char key[width::env_key];
    char value[width::env_value];
};

// One round of a case, written last for it: its presence is the commit mark.
struct CaseRow {
    char case_id[width::case_id];
    char benchmark[width::benchmark];
    char kind[width::kind];
    char category[width::category];  // startup, compute, memory, async... (Kind::category)
    char status[width::status];
    char reason[width::reason];
    std::int32_t round;       // 0-based; (case_id, round) is unique
    std::int32_t plan_index;  // the case's place in the expanded job (`perfmatrix plan`'s order)
    std::int32_t rank;
    std::int32_t node;  // as in `ranks`; -1 when no rank ran it
    char host[width::host];
    std::int32_t invocation;
    double started;
    double ended;
    std::int64_t axes_first;  // this case's rows in case_axes: [axes_first, axes_first+axes_count)
    std::int64_t axes_count;
    std::int64_t samples_first;  // its rows in samples: [samples_first, samples_first+samples_count)
    std::int64_t samples_count;
    std::int64_t env_first;  // its rows in case_environment: [env_first, env_first+env_count)
    std::int64_t env_count;
    std::int64_t components_first;  // its rows in components
    std::int64_t components_count;
};

struct AxisRow {
    char case_id[width::case_id];
    char axis[width::axis];
    char value[width::axis_value];
};

// One distinct metric as its kind describes it (measure/model/kind.hpp, MetricSpec), appended the first time a
// committed sample or component uses it. Rows are never cut: one appended for a case that was then not committed (a
// crash) is a harmless unused entry; a resumed writer reuses it (docs/results.md, "Crash semantics").
struct MetricRow {
    char name[width::metric];
    char unit[width::unit];
    std::int8_t higher_is_better;  // HDF5 enum {FALSE, TRUE}; FALSE: lower is better
    std::int32_t headline;         // 0: not a headline figure; k: its kind's k-th
};

// Column "case" (a C++ keyword, hence the member's name): the row index in `cases` of the case
// these rows belong to, which the writer knows because the case row is appended right after.
struct SampleRow {
    std::int32_t case_row;
    std::int32_t metric;  // row index in `metrics`
    std::int32_t repetition;
    std::int8_t warmup;  // HDF5 enum {FALSE, TRUE}: h5py and pandas read it as bool
    double value;
};

// What produced one case's numbers beyond its rank's environment (library versions, an
// interpreter's identity, isolation flags), one row per entry, in the order the runner gave.
struct CaseEnvironmentRow {
    char case_id[width::case_id];
    char key[width::env_key];
    char value[width::env_value];
};

// A sample of one part of a case (e.g. one module's import time): like SampleRow, plus the part.
struct ComponentRow {
    std::int32_t case_row;  // column "case", as in SampleRow
    char component[width::component];
    std::int32_t metric;  // row index in `metrics`
    std::int32_t repetition;
    std::int8_t warmup;
    double value;
};

// How one column of a row struct maps to HDF5.
struct Field {
    enum class Kind { int32, int64, float64, boolean, text };
    const char* name;
    std::size_t offset;
    Kind kind;
    std::size_t width;  // bytes of a text column
};

struct TableSpec {
    const char* name;  // dataset name under the root group
    std::size_t row_size;
    hsize_t chunk_rows;         // ~15-60 KiB per chunk: every commit rewrites and recompresses the chunks it touched
    std::vector<Field> fields;  // in column order
    // Samples are not compressed: their rows hold no padding, only numbers (random-looking
    // doubles), so deflate made them just 2.4x smaller, and inflating them was 40% of the
    // time to read a file of 10 M samples (0.65 of 1.6 s here).
    bool deflate = true;
};

const TableSpec& invocations_table();
const TableSpec& ranks_table();
const TableSpec& environment_table();
const TableSpec& cases_table();
const TableSpec& metrics_table();
const TableSpec& axes_table();
const TableSpec& samples_table();
const TableSpec& case_environment_table();
const TableSpec& components_table();
// Every table, in the order they are created.
const std::vector<const TableSpec*>& all_tables();

// The row type, stored exactly as the row struct lies in memory (the compiler's alignment
// padding included): HDF5 then writes rows without a conversion pass, which would otherwise
// allocate and clear a 1 MiB buffer on every write and dominate the cost of a commit.
h5::Datatype row_type(const TableSpec& table);
// A one-column compound type at offset 0, for reading that column alone.
h5::Datatype column_type(const TableSpec& table, const char* column);

}  // namespace perfmatrix::schema
