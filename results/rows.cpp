#include "results/rows.hpp"

#include "measure/kind_registry.hpp"
#include "results/fixed_string.hpp"

#include <fmt/format.h>

#include <stdexcept>

namespace perfmatrix {

schema::InvocationRow to_row(const InvocationRecord& r) {
    schema::InvocationRow row{};
    row.invocation = r.invocation;
    row.started = r.started;
    row.ended = r.ended;
    put_fixed(row.status, r.status);
    put_fixed(row.command_line, r.command_line);
    put_fixed(row.tool_version, r.tool_version);
    put_fixed(row.git_describe, r.git_describe);
    put_fixed(row.host, r.host);
    row.mpi_size = r.mpi_size;
    return row;
}

InvocationRecord from_row(const schema::InvocationRow& row) {
    InvocationRecord r;
    r.invocation = row.invocation;
    r.started = row.started;
    r.ended = row.ended;
    r.status = get_fixed(row.status);
    r.command_line = get_fixed(row.command_line);
    r.tool_version = get_fixed(row.tool_version);
    r.git_describe = get_fixed(row.git_describe);
    r.host = get_fixed(row.host);
    r.mpi_size = row.mpi_size;
    return r;
}

schema::RankRow to_row(const RankRecord& r, hsize_t env_first) {
    schema::RankRow row{};
    row.invocation = r.invocation;
    row.rank = r.rank;
    row.node = r.node;
    put_fixed(row.host, r.info.host);
    put_fixed(row.cpu_model, r.info.cpu_model);
    row.cores = r.info.cores;
    put_fixed(row.cpuset, r.info.cpuset);
    row.cpuset_size = r.info.cpuset_size;
    put_fixed(row.kernel, r.info.kernel);
    row.load1 = r.info.load1;
    row.load5 = r.info.load5;
    row.load15 = r.info.load15;
    row.gpus = r.info.gpus;
    put_fixed(row.gpu_source, r.info.gpu_source);
    row.env_first = static_cast<std::int64_t>(env_first);
    row.env_count = static_cast<std::int64_t>(r.info.environment.size());
    return row;
}

RankRecord from_row(const schema::RankRow& row) {
    RankRecord r;
    r.invocation = row.invocation;
    r.rank = row.rank;
    r.node = row.node;
    r.info.host = get_fixed(row.host);
    r.info.cpu_model = get_fixed(row.cpu_model);
    r.info.cores = row.cores;
    r.info.cpuset = get_fixed(row.cpuset);
    r.info.cpuset_size = row.cpuset_size;
    r.info.kernel = get_fixed(row.kernel);
    r.info.load1 = row.load1;
    r.info.load5 = row.load5;
    r.info.load15 = row.load15;
    r.info.gpus = row.gpus;
    r.info.gpu_source = get_fixed(row.gpu_source);
    return r;
}

schema::EnvironmentRow to_row(const RankRecord& r, const std::pair<std::string, std::string>& variable) {
    schema::EnvironmentRow row{};
    row.invocation = r.invocation;
    row.rank = r.rank;
    put_fixed(row.key, variable.first);
    put_fixed(row.value, variable.second);
    return row;
}

schema::CaseRow to_row(const CaseRecord& r, const CaseRowStarts& starts) {
    schema::CaseRow row{};
    put_fixed(row.case_id, r.case_id);
    put_fixed(row.benchmark, r.benchmark);
    put_fixed(row.kind, r.kind);
    put_fixed(row.category, r.category.empty() ? category_of(r.kind, r.environment) : r.category);
    put_fixed(row.status, r.status);
    put_fixed(row.reason, r.reason, Keep::tail);  // the end of stderr says what went wrong
    row.round = r.round;
    row.plan_index = r.plan_index;
    row.rank = r.rank;
    row.node = r.node;
    put_fixed(row.host, r.host);
    row.invocation = r.invocation;
    row.started = r.started;
    row.ended = r.ended;
    row.axes_first = static_cast<std::int64_t>(starts.axes);
    row.axes_count = static_cast<std::int64_t>(r.axes.size());
    row.samples_first = static_cast<std::int64_t>(starts.samples);
    row.samples_count = static_cast<std::int64_t>(r.samples.size());
    row.env_first = static_cast<std::int64_t>(starts.environment);
    row.env_count = static_cast<std::int64_t>(r.environment.size());
    row.components_first = static_cast<std::int64_t>(starts.components);
    row.components_count = static_cast<std::int64_t>(r.components.size());
    return row;
}

CaseRecord from_row(const schema::CaseRow& row) {
    CaseRecord r;
    r.case_id = get_fixed(row.case_id);
    r.benchmark = get_fixed(row.benchmark);
    r.kind = get_fixed(row.kind);
    r.category = get_fixed(row.category);
    r.status = get_fixed(row.status);
    r.reason = get_fixed(row.reason);
    r.round = row.round;
    r.plan_index = row.plan_index;
    r.rank = row.rank;
    r.node = row.node;
    r.host = get_fixed(row.host);
    r.invocation = row.invocation;
    r.started = row.started;
    r.ended = row.ended;
    return r;
}

schema::AxisRow to_row(const std::string& case_id, const AxisValue& axis) {
    schema::AxisRow row{};
    put_fixed(row.case_id, case_id);
    put_fixed(row.axis, axis.axis);
    put_fixed(row.value, axis.value);
    return row;
}

AxisValue from_row(const schema::AxisRow& row) { return {get_fixed(row.axis), get_fixed(row.value)}; }

namespace {
// The column is an HDF5 enum {FALSE, TRUE}; any other byte is damage, not "true".
bool read_flag(std::int8_t value, const char* table, const char* column) {
    if (value != 0 && value != 1)
        throw std::runtime_error(fmt::format("table '{}': {} holds {}, expected 0 or 1 (a damaged file)", table, column,
                                             static_cast<int>(value)));
    return value == 1;
}
}  // namespace

schema::MetricRow to_metric_row(const MetricSpec& metric) {
    schema::MetricRow row{};
    put_fixed(row.name, metric.name);
    put_fixed(row.unit, metric.unit);
    row.higher_is_better = metric.better == Better::higher ? 1 : 0;
    row.headline = metric.headline;
    return row;
}

MetricSpec from_row(const schema::MetricRow& row) {
    if (row.headline < 0)
        throw std::runtime_error(
            fmt::format("table 'metrics': headline holds {}, expected 0 or more (a damaged file)", row.headline));
    const bool higher = read_flag(row.higher_is_better, "metrics", "higher_is_better");
    return {get_fixed(row.name), get_fixed(row.unit), higher ? Better::higher : Better::lower, row.headline};
}

namespace {
// Samples and component samples are stored alike: the case's row, the metric's row, the
// repetition, the warm-up flag and the value. These write and read those columns of either.
template <typename Row, typename Measured>
Row measurement_row(std::int32_t case_row, std::int32_t metric, const Measured& sample) {
    Row row{};
    row.case_row = case_row;
    row.metric = metric;
    row.repetition = sample.repetition;
    row.warmup = sample.warmup ? 1 : 0;
    row.value = sample.value;
    return row;
}

template <typename Measured, typename Row>
Measured measurement_from_row(const Row& row, const MetricSpec& metric, const char* table) {
    Measured s;
    s.metric = metric.name;
    s.unit = metric.unit;
    s.repetition = row.repetition;
    s.warmup = read_flag(row.warmup, table, "warmup");
    s.value = row.value;
    return s;
}
}  // namespace

schema::SampleRow to_row(std::int32_t case_row, std::int32_t metric, const Sample& sample) {
    return measurement_row<schema::SampleRow>(case_row, metric, sample);
}

Sample from_row(const schema::SampleRow& row, const MetricSpec& metric) {
    return measurement_from_row<Sample>(row, metric, "samples");
}

schema::CaseEnvironmentRow to_row(const std::string& case_id, const std::pair<std::string, std::string>& entry) {
    schema::CaseEnvironmentRow row{};
    put_fixed(row.case_id, case_id);
    put_fixed(row.key, entry.first);
    put_fixed(row.value, entry.second);
    return row;
}

std::pair<std::string, std::string> from_row(const schema::CaseEnvironmentRow& row) {
    return {get_fixed(row.key), get_fixed(row.value)};
}

schema::ComponentRow to_row(std::int32_t case_row, std::int32_t metric, const ComponentSample& sample) {
    auto row = measurement_row<schema::ComponentRow>(case_row, metric, sample);
    put_fixed(row.component, sample.component);
    return row;
}

ComponentSample from_row(const schema::ComponentRow& row, const MetricSpec& metric) {
    auto s = measurement_from_row<ComponentSample>(row, metric, "components");
    s.component = get_fixed(row.component);
    return s;
}

}  // namespace perfmatrix
