#pragma once
// Conversions between records.hpp values and the fixed-width rows of schema.hpp.
// Too-long strings are shortened as fixed_string.hpp describes (reasons keep their tail);
// case ids are never shortened: the writer refuses them instead. Internal to results/.

#include "results/records.hpp"
#include "results/schema.hpp"

#include <cstdint>
#include <string>

namespace perfmatrix {

schema::InvocationRow to_row(const InvocationRecord& r);
InvocationRecord from_row(const schema::InvocationRow& row);

schema::RankRow to_row(const RankRecord& r, hsize_t env_first);
RankRecord from_row(const schema::RankRow& row);  // without its environment

schema::EnvironmentRow to_row(const RankRecord& r, const std::pair<std::string, std::string>& variable);

schema::CaseRow to_row(const CaseRecord& r, hsize_t axes_first, hsize_t samples_first);
CaseRecord from_row(const schema::CaseRow& row);  // without its axes and samples

schema::AxisRow to_row(const std::string& case_id, const AxisValue& axis);
AxisValue from_row(const schema::AxisRow& row);

schema::SampleRow to_row(const std::string& case_id, const Sample& sample);
Sample from_row(const schema::SampleRow& row);

}  // namespace perfmatrix
