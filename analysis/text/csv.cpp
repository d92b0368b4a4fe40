#include "analysis/text/csv.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>  // fmt::join moved here in fmt 11

namespace perfmatrix {

namespace {

std::string field(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string out = "\"";
    for (char ch : text) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    return out + "\"";
}

}  // namespace

std::string csv_line(const std::vector<std::string>& fields) {
    std::vector<std::string> quoted;
    quoted.reserve(fields.size());
    for (const std::string& f : fields) quoted.push_back(field(f));
    return fmt::format("{}\n", fmt::join(quoted, ","));
}

std::string csv_number(double value) { return fmt::format("{}", value); }

std::string csv_axes(const CaseRecord& c) {
    std::vector<std::string> parts;
    for (const AxisValue& a : c.axes) parts.push_back(a.axis + "=" + a.value);
    return fmt::format("{}", fmt::join(parts, ";"));
}

}  // namespace perfmatrix
