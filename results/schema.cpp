#include "results/schema.hpp"

#include <cstddef>
#include <cstring>
#include <stdexcept>
#include <string>
#include <type_traits>

namespace perfmatrix::schema {

namespace {

template <class T>
Field make_field(const char* name, std::size_t offset) {
    if constexpr (std::is_same_v<T, std::int32_t>) {
        return {name, offset, Field::Kind::int32, 0};
    } else if constexpr (std::is_same_v<T, std::int64_t>) {
        return {name, offset, Field::Kind::int64, 0};
    } else if constexpr (std::is_same_v<T, double>) {
        return {name, offset, Field::Kind::float64, 0};
    } else if constexpr (std::is_same_v<T, std::int8_t>) {
        return {name, offset, Field::Kind::boolean, 0};
    } else {
        static_assert(std::is_same_v<std::remove_extent_t<T>, char>, "unsupported column type");
        return {name, offset, Field::Kind::text, std::extent_v<T>};
    }
}

// The column is named exactly like the struct member, so the two cannot drift apart.
#define PERFMATRIX_FIELD(Row, member) make_field<decltype(Row::member)>(#member, offsetof(Row, member))
// For a column whose name cannot be a member's ("case").
#define PERFMATRIX_FIELD_AS(Row, member, name) make_field<decltype(Row::member)>(name, offsetof(Row, member))

constexpr std::string_view context = "results schema";

h5::Datatype text_type(std::size_t width) {
    h5::Datatype t(h5::check(H5Tcopy(H5T_C_S1), context, "copy string type"));
    h5::check(H5Tset_size(t.get(), width), context, "set string size");
    // NULLPAD lets a value use every byte; h5py/numpy read it as bytes (S<width>).
    h5::check(H5Tset_strpad(t.get(), H5T_STR_NULLPAD), context, "set string padding");
    h5::check(H5Tset_cset(t.get(), H5T_CSET_UTF8), context, "set string charset");
    return t;
}

// h5py maps an 8-bit enum {FALSE=0, TRUE=1} to numpy bool.
h5::Datatype boolean_type(hid_t base) {
    h5::Datatype t(h5::check(H5Tenum_create(base), context, "create bool enum"));
    const std::int8_t no = 0, yes = 1;
    h5::check(H5Tenum_insert(t.get(), "FALSE", &no), context, "insert FALSE");
    h5::check(H5Tenum_insert(t.get(), "TRUE", &yes), context, "insert TRUE");
    return t;
}

// Little-endian standard types: on the x86 and Arm hosts we run on they equal the native
// ones, so HDF5 copies rows without converting them.
h5::Datatype column_hdf5_type(const Field& f) {
    switch (f.kind) {
        case Field::Kind::int32: return h5::Datatype(H5Tcopy(H5T_STD_I32LE));
        case Field::Kind::int64: return h5::Datatype(H5Tcopy(H5T_STD_I64LE));
        case Field::Kind::float64: return h5::Datatype(H5Tcopy(H5T_IEEE_F64LE));
        case Field::Kind::boolean: return boolean_type(H5T_STD_I8LE);
        case Field::Kind::text: return text_type(f.width);
    }
    throw std::logic_error("unknown column kind");
}

const Field& find_field(const TableSpec& table, const char* column) {
    for (const Field& f : table.fields)
        if (std::strcmp(f.name, column) == 0) return f;
    throw std::logic_error(std::string("table ") + table.name + " has no column " + column);
}

}  // namespace

const TableSpec& invocations_table() {
    using R = InvocationRow;
    static const TableSpec spec{"invocations",
                                sizeof(R),
                                4,
                                {PERFMATRIX_FIELD(R, invocation), PERFMATRIX_FIELD(R, started),
                                 PERFMATRIX_FIELD(R, ended), PERFMATRIX_FIELD(R, status),
                                 PERFMATRIX_FIELD(R, command_line), PERFMATRIX_FIELD(R, tool_version),
                                 PERFMATRIX_FIELD(R, git_describe), PERFMATRIX_FIELD(R, host),
                                 PERFMATRIX_FIELD(R, mpi_size)}};
    return spec;
}

const TableSpec& ranks_table() {
    using R = RankRow;
    static const TableSpec spec{"ranks",
                                sizeof(R),
                                16,
                                {PERFMATRIX_FIELD(R, invocation), PERFMATRIX_FIELD(R, rank), PERFMATRIX_FIELD(R, node),
                                 PERFMATRIX_FIELD(R, host), PERFMATRIX_FIELD(R, cpu_model), PERFMATRIX_FIELD(R, cores),
                                 PERFMATRIX_FIELD(R, cpuset), PERFMATRIX_FIELD(R, cpuset_size),
                                 PERFMATRIX_FIELD(R, kernel), PERFMATRIX_FIELD(R, load1), PERFMATRIX_FIELD(R, load5),
                                 PERFMATRIX_FIELD(R, load15), PERFMATRIX_FIELD(R, gpus),
                                 PERFMATRIX_FIELD(R, gpu_source), PERFMATRIX_FIELD(R, env_first),
                                 PERFMATRIX_FIELD(R, env_count)}};
    return spec;
}

const TableSpec& environment_table() {
    using R = EnvironmentRow;
    static const TableSpec spec{"rank_environment",
                                sizeof(R),
                                32,
                                {PERFMATRIX_FIELD(R, invocation), PERFMATRIX_FIELD(R, rank), PERFMATRIX_FIELD(R, key),
                                 PERFMATRIX_FIELD(R, value)}};
    return spec;
}

// 1,928-byte rows: 32 rows make a 60 KiB chunk. A group of cases is committed a chunk at a time
// (results_writer.cpp), so larger chunks make fewer flushes per group: 8-row chunks cost a
// group of 64 cases 9.6 us a case, 32-row ones 7.0 (bench/flood_commit); a case committed alone
// pays for rewriting more of its chunk (150 -> 170 us).
const TableSpec& cases_table() {
    using R = CaseRow;
    static const TableSpec spec{"cases",
                                sizeof(R),
                                32,
                                {PERFMATRIX_FIELD(R, case_id),
                                 PERFMATRIX_FIELD(R, benchmark),
                                 PERFMATRIX_FIELD(R, kind),
                                 PERFMATRIX_FIELD(R, category),
                                 PERFMATRIX_FIELD(R, status),
                                 PERFMATRIX_FIELD(R, reason),
                                 PERFMATRIX_FIELD(R, round),
                                 PERFMATRIX_FIELD(R, plan_index),
                                 PERFMATRIX_FIELD(R, rank),
                                 PERFMATRIX_FIELD(R, node),
                                 PERFMATRIX_FIELD(R, host),
                                 PERFMATRIX_FIELD(R, invocation),
                                 PERFMATRIX_FIELD(R, started),
                                 PERFMATRIX_FIELD(R, ended),
                                 PERFMATRIX_FIELD(R, axes_first),
                                 PERFMATRIX_FIELD(R, axes_count),
                                 PERFMATRIX_FIELD(R, samples_first),
                                 PERFMATRIX_FIELD(R, samples_count),
                                 PERFMATRIX_FIELD(R, env_first),
                                 PERFMATRIX_FIELD(R, env_count),
                                 PERFMATRIX_FIELD(R, components_first),
                                 PERFMATRIX_FIELD(R, components_count)}};
    return spec;
}

// 104-byte rows, a few per file: 64 rows make a 6.5 KiB chunk.
const TableSpec& metrics_table() {
    using R = MetricRow;
    static const TableSpec spec{"metrics",
                                sizeof(R),
                                64,
                                {PERFMATRIX_FIELD(R, name), PERFMATRIX_FIELD(R, unit),
                                 PERFMATRIX_FIELD(R, higher_is_better), PERFMATRIX_FIELD(R, headline)}};
    return spec;
}

const TableSpec& axes_table() {
    using R = AxisRow;
    static const TableSpec spec{"case_axes",
                                sizeof(R),
                                32,
                                {PERFMATRIX_FIELD(R, case_id), PERFMATRIX_FIELD(R, axis), PERFMATRIX_FIELD(R, value)}};
    return spec;
}

// 24-byte rows: 2,048 rows make a 48 KiB chunk. Large files hold millions of samples, and a
// reader pays per chunk (index lookup, I/O call) as much as per byte. Not compressed (see
// TableSpec::deflate).
const TableSpec& samples_table() {
    using R = SampleRow;
    static const TableSpec spec{"samples",
                                sizeof(R),
                                2048,
                                {PERFMATRIX_FIELD_AS(R, case_row, "case"), PERFMATRIX_FIELD(R, metric),
                                 PERFMATRIX_FIELD(R, repetition), PERFMATRIX_FIELD(R, warmup),
                                 PERFMATRIX_FIELD(R, value)},
                                false};
    return spec;
}

// 1,408-byte rows: 32 rows make a 44 KiB chunk.
const TableSpec& case_environment_table() {
    using R = CaseEnvironmentRow;
    static const TableSpec spec{"case_environment",
                                sizeof(R),
                                32,
                                {PERFMATRIX_FIELD(R, case_id), PERFMATRIX_FIELD(R, key), PERFMATRIX_FIELD(R, value)}};
    return spec;
}

// 280-byte rows: 128 rows make a 35 KiB chunk.
const TableSpec& components_table() {
    using R = ComponentRow;
    static const TableSpec spec{"components",
                                sizeof(R),
                                128,
                                {PERFMATRIX_FIELD_AS(R, case_row, "case"), PERFMATRIX_FIELD(R, component),
                                 PERFMATRIX_FIELD(R, metric), PERFMATRIX_FIELD(R, repetition),
                                 PERFMATRIX_FIELD(R, warmup), PERFMATRIX_FIELD(R, value)}};
    return spec;
}

#undef PERFMATRIX_FIELD
#undef PERFMATRIX_FIELD_AS

const std::vector<const TableSpec*>& all_tables() {
    static const std::vector<const TableSpec*> tables{&invocations_table(), &ranks_table(),
                                                      &environment_table(), &cases_table(),
                                                      &metrics_table(),     &axes_table(),
                                                      &samples_table(),     &case_environment_table(),
                                                      &components_table()};
    return tables;
}

h5::Datatype row_type(const TableSpec& table) {
    h5::Datatype t(h5::check(H5Tcreate(H5T_COMPOUND, table.row_size), context, "create row type"));
    for (const Field& f : table.fields) {
        const h5::Datatype column = column_hdf5_type(f);
        h5::check(H5Tinsert(t.get(), f.name, f.offset, column.get()), context, f.name);
    }
    return t;
}

h5::Datatype column_type(const TableSpec& table, const char* column) {
    const Field& f = find_field(table, column);
    const h5::Datatype member = column_hdf5_type(f);
    h5::Datatype t(h5::check(H5Tcreate(H5T_COMPOUND, H5Tget_size(member.get())), context, "create column type"));
    h5::check(H5Tinsert(t.get(), f.name, 0, member.get()), context, f.name);
    return t;
}

}  // namespace perfmatrix::schema
