#pragma once
// Conversions between records.hpp values and the fixed-width rows of schema.hpp.
// Too-long strings are shortened as fixed_string.hpp describes (reasons keep their tail);
// case ids are never shortened: the writer refuses them instead. Internal to results/.

#include "measure/model/records.hpp"
#include "results/schema.hpp"

#include <cstdint>
#include <string>
#include <utility>

namespace perfmatrix {

schema::InvocationRow to_row(const InvocationRecord& r);
InvocationRecord from_row(const schema::InvocationRow& row);

schema::RankRow to_row(const RankRecord& r, hsize_t env_first);
RankRecord from_row(const schema::RankRow& row);  // without its environment

schema::EnvironmentRow to_row(const RankRecord& r, const std::pair<std::string, std::string>& variable);

// Where a case's rows start in each table that holds them.
struct CaseRowStarts {
    hsize_t axes = 0;
    hsize_t samples = 0;
    hsize_t environment = 0;  // in case_environment
    hsize_t components = 0;
};

schema::CaseRow to_row(const CaseRecord& r, const CaseRowStarts& starts);
CaseRecord from_row(const schema::CaseRow& row);  // without the rows of its other tables

schema::AxisRow to_row(const std::string& case_id, const AxisValue& axis);
AxisValue from_row(const schema::AxisRow& row);

// A row of `metrics`, and the metric it describes (as stored: name and unit possibly shortened).
schema::MetricRow to_metric_row(const MetricSpec& metric);
MetricSpec from_row(const schema::MetricRow& row);

// case_row: the case's row index in `cases`; metric: the row index of its metric in `metrics`.
schema::SampleRow to_row(std::int32_t case_row, std::int32_t metric, const Sample& sample);
Sample from_row(const schema::SampleRow& row, const MetricSpec& metric);

schema::CaseEnvironmentRow to_row(const std::string& case_id, const std::pair<std::string, std::string>& entry);
std::pair<std::string, std::string> from_row(const schema::CaseEnvironmentRow& row);

schema::ComponentRow to_row(std::int32_t case_row, std::int32_t metric, const ComponentSample& sample);
ComponentSample from_row(const schema::ComponentRow& row, const MetricSpec& metric);

}  // namespace perfmatrix
