#include "orchestrator/job/toml_reading.hpp"

#include "orchestrator/job/job_error.hpp"
#include "orchestrator/job/suggest.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>

namespace perfmatrix {

JobError error_at(const toml::node& node, const std::string& message) {
    const auto& where = node.source();
    const std::string file = where.path ? *where.path : std::string("<input>");
    return JobError(file, static_cast<int>(where.begin.line), static_cast<int>(where.begin.column), message);
}

void fail_at(const toml::source_region& where, const std::string& message) {
    const std::string file = where.path ? *where.path : std::string("<input>");
    throw JobError(file, static_cast<int>(where.begin.line), static_cast<int>(where.begin.column), message);
}

void fail_at(const toml::node& node, const std::string& message) { fail_at(node.source(), message); }

void fail_at(const toml::key& key, const std::string& message) { fail_at(key.source(), message); }

std::string type_name(const toml::node& node) {
    switch (node.type()) {
        case toml::node_type::string: return "string";
        case toml::node_type::integer: return "integer";
        case toml::node_type::floating_point: return "float";
        case toml::node_type::boolean: return "boolean";
        case toml::node_type::array: return "array";
        case toml::node_type::table: return "table";
        case toml::node_type::date: return "date";
        case toml::node_type::time: return "time";
        case toml::node_type::date_time: return "date-time";
        case toml::node_type::none: break;
    }
    return "nothing";
}

std::vector<TableEntry> in_file_order(const toml::table& table) {
    std::vector<TableEntry> out;
    for (const auto& [key, node] : table) out.emplace_back(&key, &node);
    std::stable_sort(out.begin(), out.end(), [](const TableEntry& a, const TableEntry& b) {
        const auto& pa = a.first->source().begin;
        const auto& pb = b.first->source().begin;
        return pa.line != pb.line ? pa.line < pb.line : pa.column < pb.column;
    });
    return out;
}

void reject_unknown_keys(const toml::table& table, const std::vector<std::string>& known, std::string_view where) {
    for (const auto& [key, node] : in_file_order(table)) {
        const auto name = key->str();
        if (std::find(known.begin(), known.end(), name) != known.end()) continue;
        fail_at(*key, fmt::format("unknown key '{}' in {}{}", name, where, did_you_mean(name, known)));
    }
}

namespace {

[[noreturn]] void wrong_type(const toml::node& node, std::string_view expected, std::string_view what) {
    fail_at(node, fmt::format("expected {} for {}, got {}", expected, what, type_name(node)));
}

// Shortest text that reads back as the same double, with ".0" added to whole numbers so the
// value still reads as a float: what toml++ itself prints.
std::string float_text(double value) {
    if (std::isnan(value)) return "nan";
    if (std::isinf(value)) return value < 0 ? "-inf" : "inf";
    char buf[64];
    const auto result = std::to_chars(buf, buf + sizeof buf, value);
    std::string text(buf, result.ptr);
    if (text.find_first_of(".eE") == std::string::npos) text += ".0";
    return text;
}

}  // namespace

const toml::table& expect_table(const toml::node& node, std::string_view what) {
    if (const auto* t = node.as_table()) return *t;
    wrong_type(node, "a table", what);
}

const toml::array& expect_array(const toml::node& node, std::string_view what) {
    if (const auto* a = node.as_array()) return *a;
    wrong_type(node, "an array", what);
}

std::string expect_string(const toml::node& node, std::string_view what) {
    if (const auto* s = node.as_string()) return s->get();
    wrong_type(node, "a string", what);
}

std::int64_t expect_integer(const toml::node& node, std::string_view what) {
    if (const auto* i = node.as_integer()) return i->get();
    wrong_type(node, "an integer", what);
}

double expect_number(const toml::node& node, std::string_view what) {
    if (const auto* f = node.as_floating_point()) return f->get();
    if (const auto* i = node.as_integer()) return static_cast<double>(i->get());
    wrong_type(node, "a number", what);
}

bool expect_boolean(const toml::node& node, std::string_view what) {
    if (const auto* b = node.as_boolean()) return b->get();
    wrong_type(node, "a boolean", what);
}

std::vector<std::pair<std::string, const toml::node*>> expect_strings(const toml::node& node, std::string_view what) {
    if (const auto* s = node.as_string()) return {{s->get(), &node}};
    const auto* array = node.as_array();
    if (!array) wrong_type(node, "a string or an array of strings", what);
    std::vector<std::pair<std::string, const toml::node*>> out;
    for (std::size_t i = 0; i < array->size(); ++i) {
        const auto& element = *array->get(i);
        out.emplace_back(expect_string(element, fmt::format("element {} of {}", i + 1, what)), &element);
    }
    return out;
}

std::string expect_text(const toml::node& node, std::string_view what) {
    auto text = expect_string(node, what);
    // A NUL could not reach a program (argv and environment are C strings), and case ids
    // use NUL as their separator.
    if (text.find('\0') != std::string::npos) {
        fail_at(node, fmt::format("invalid value for {}: a NUL character (\\u0000) cannot be passed on", what));
    }
    return text;
}

std::string scalar_text(const toml::node& node, std::string_view what) {
    if (node.is_string()) return expect_text(node, what);
    if (const auto* i = node.as_integer()) return std::to_string(i->get());
    if (const auto* f = node.as_floating_point()) return float_text(f->get());
    if (const auto* b = node.as_boolean()) return b->get() ? "true" : "false";
    wrong_type(node, "a string, integer, float or boolean", what);
}

}  // namespace perfmatrix
