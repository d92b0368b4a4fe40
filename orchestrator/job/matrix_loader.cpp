#include "orchestrator/job/matrix_loader.hpp"

#include "orchestrator/job/glob_axis.hpp"
#include "orchestrator/job/names.hpp"
#include "orchestrator/job/python_axis.hpp"
#include "orchestrator/job/suggest.hpp"
#include "orchestrator/job/toml_reading.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string_view>
#include <unordered_set>

namespace perfmatrix {
namespace {

void check_axis_name(const toml::key& key) {
    if (is_axis_name(key.str())) return;
    fail_at(key, fmt::format("invalid axis name '{}': use only letters, digits, '_' and '-'", key.str()));
}

std::vector<std::string> list_values(const toml::array& array, std::string_view axis) {
    if (array.empty()) fail_at(array, fmt::format("axis '{}' is empty: give it at least one value", axis));
    std::vector<std::string> values;
    values.reserve(array.size());               // no reallocation: `seen` views the strings in place
    std::unordered_set<std::string_view> seen;  // a search of `values` made an axis of 500 k values take minutes
    seen.reserve(array.size());
    const auto what = fmt::format("a value of axis '{}'", axis);
    for (const auto& element : array) {
        auto text = scalar_text(element, what);
        if (seen.contains(text)) {
            fail_at(element, fmt::format("axis '{}' lists the value '{}' twice: its cases would have the same id "
                                         "(duplicate case)",
                                         axis, text));
        }
        values.push_back(std::move(text));
        seen.insert(values.back());
    }
    return values;
}

std::vector<std::string> glob_values(const toml::table& table, std::string_view axis) {
    const auto where = fmt::format("glob axis '{}'", axis);
    reject_unknown_keys(table, {"glob"}, where);
    const auto* node = table.get("glob");
    if (!node) fail_at(table, fmt::format("{} is missing required key 'glob' (file patterns)", where));
    std::vector<std::string> patterns;
    for (auto& [pattern, element] : expect_strings(*node, "'glob'")) patterns.push_back(std::move(pattern));
    if (patterns.empty()) fail_at(*node, fmt::format("axis '{}': 'glob' lists no patterns", axis));
    auto values = expand_globs(patterns);
    if (values.empty()) {
        std::vector<std::string> quoted;
        for (const auto& p : patterns) quoted.push_back(fmt::format("'{}'", p));
        fail_at(*node, fmt::format("axis '{}': no file matches any of {}", axis, fmt::join(quoted, ", ")));
    }
    return values;
}

Axis read_axis(const toml::key& key, const toml::node& node, InterpreterCatalog& interpreters,
               std::vector<PythonAxisValue>& python) {
    check_axis_name(key);
    const std::string name(key.str());
    if (const auto* array = node.as_array()) {
        if (name == kPythonAxis) return read_python_axis(*array, interpreters, python);
        return {name, list_values(*array, name)};
    }
    if (const auto* table = node.as_table()) return {name, glob_values(*table, name)};
    fail_at(node, fmt::format("expected an array of values or {{ glob = [...] }} for axis '{}', got {}", name,
                              type_name(node)));
}

std::vector<std::string> axis_names(const std::vector<Axis>& axes) {
    std::vector<std::string> names;
    for (const auto& a : axes) names.push_back(a.name);
    return names;
}

// An exclude entry: only declared axes may appear, or it could never match.
MatrixEntry read_exclude_entry(const toml::table& table, const std::vector<Axis>& axes, std::string_view benchmark) {
    if (table.empty())
        fail_at(table, "an exclude entry needs at least one axis (an empty one would exclude every case)");
    const auto names = axis_names(axes);
    MatrixEntry entry;
    for (const auto& [key, node] : in_file_order(table)) {
        const std::string name(key->str());
        if (std::find(names.begin(), names.end(), name) == names.end()) {
            fail_at(*key, fmt::format("unknown key '{}' in exclude entry: not an axis of benchmark '{}' (axes: {}){}",
                                      name, benchmark, fmt::join(names, ", "), did_you_mean(name, names)));
        }
        entry.push_back({name, scalar_text(*node, fmt::format("'{}' in exclude", name))});
    }
    return entry;
}

// An include entry: keys that are not axes are new axis values, so they need axis names.
MatrixEntry read_include_entry(const toml::table& table) {
    if (table.empty()) fail_at(table, "an include entry needs at least one key");
    MatrixEntry entry;
    for (const auto& [key, node] : in_file_order(table)) {
        check_axis_name(*key);
        const std::string name(key->str());
        entry.push_back({name, scalar_text(*node, fmt::format("'{}' in include", name))});
    }
    return entry;
}

std::vector<const toml::table*> entry_tables(const toml::node& node, std::string_view key) {
    std::vector<const toml::table*> out;
    const auto& array = expect_array(node, fmt::format("'{}' (an array of tables)", key));
    for (std::size_t i = 0; i < array.size(); ++i) {
        out.push_back(&expect_table(*array.get(i), fmt::format("element {} of '{}'", i + 1, key)));
    }
    return out;
}

}  // namespace

LoadedMatrix load_matrix(const toml::node* matrix, std::string_view benchmark, InterpreterCatalog& interpreters) {
    LoadedMatrix out;
    if (!matrix) return out;
    const auto& table = expect_table(*matrix, "'matrix'");
    const auto entries = in_file_order(table);

    // Axes first: exclude and include may be written before the axes they name.
    for (const auto& [key, node] : entries) {
        if (key->str() == "exclude" || key->str() == "include") continue;
        out.spec.axes.push_back(read_axis(*key, *node, interpreters, out.python));
    }
    if (const auto* node = table.get("exclude")) {
        for (const auto* t : entry_tables(*node, "exclude")) {
            out.spec.exclude.push_back(read_exclude_entry(*t, out.spec.axes, benchmark));
        }
    }
    if (const auto* node = table.get("include")) {
        for (const auto* t : entry_tables(*node, "include")) {
            out.spec.include.push_back(read_include_entry(*t));
            out.include_nodes.push_back(t);
            if (!out.python.empty()) resolve_include_python(*t, interpreters, out.python);
        }
    }
    return out;
}

}  // namespace perfmatrix
