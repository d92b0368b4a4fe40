#pragma once
// CSV as pandas and spreadsheets read it (RFC 4180), shared by every --format csv.

#include "measure/model/records.hpp"

#include <string>
#include <vector>

namespace perfmatrix {

// One line: fields joined by commas; a field with a comma, quote or line break is quoted,
// quotes doubled. Ends with "\n".
std::string csv_line(const std::vector<std::string>& fields);

// The shortest text that reads back as the same double.
std::string csv_number(double value);

// A case's axes as one field, "python=3.12;n=1": full values (no shortening), in the case's
// axis order.
std::string csv_axes(const CaseRecord& c);

}  // namespace perfmatrix
