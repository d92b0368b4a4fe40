#pragma once
// Reading toml++ nodes with every problem reported at its place in the file. Internal to job
// loading: toml++ stays out of the public headers.

#include "orchestrator/job/job_error.hpp"

#include <toml++/toml.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace perfmatrix {

[[noreturn]] void fail_at(const toml::source_region& where, const std::string& message);
[[noreturn]] void fail_at(const toml::node& node, const std::string& message);
[[noreturn]] void fail_at(const toml::key& key, const std::string& message);
// The error fail_at(node, message) throws, for a caller that decides later whether to throw it.
JobError error_at(const toml::node& node, const std::string& message);

// The TOML type of a node as users know it: "string", "integer", "float", "boolean", "array",
// "table", "date", "time", "date-time".
std::string type_name(const toml::node& node);

using TableEntry = std::pair<const toml::key*, const toml::node*>;

// A table's entries in the order they appear in the file (toml++ iterates them by key, but
// axis order and "first" and "second" occurrences follow the file).
std::vector<TableEntry> in_file_order(const toml::table& table);

// Fails at the first key (in file order) not in known, suggesting the nearest known one;
// `where` names the table in the message, e.g. "benchmark 'x'".
void reject_unknown_keys(const toml::table& table, const std::vector<std::string>& known, std::string_view where);

// Typed reads. `what` names the value in the message, e.g. "'warmup'"; a wrong type fails
// with "expected an integer for 'warmup', got string" at the value.
const toml::table& expect_table(const toml::node& node, std::string_view what);
const toml::array& expect_array(const toml::node& node, std::string_view what);
std::string expect_string(const toml::node& node, std::string_view what);
// A string that can be passed on to a program: one holding a NUL fails at the node.
std::string expect_text(const toml::node& node, std::string_view what);
std::int64_t expect_integer(const toml::node& node, std::string_view what);
double expect_number(const toml::node& node, std::string_view what);  // a float or an integer
bool expect_boolean(const toml::node& node, std::string_view what);

// A string, or an array of strings; each element is returned with its node.
std::vector<std::pair<std::string, const toml::node*>> expect_strings(const toml::node& node, std::string_view what);

// The text form of a matrix value: strings as is, integers in decimal, floats shortest
// round-trip (as toml++ writes them: "2.5", "1.0", "1e+100", "inf", "nan"), booleans
// true/false. Fails at the node for arrays, tables, dates and strings holding a NUL.
std::string scalar_text(const toml::node& node, std::string_view what);

}  // namespace perfmatrix
