#include "orchestrator/job/python_axis.hpp"

#include "orchestrator/interpreters/spec_resolution.hpp"
#include "orchestrator/job/toml_reading.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace perfmatrix {
namespace {

const PythonAxisValue* find_value(const std::vector<PythonAxisValue>& resolved, const std::string& value) {
    const auto it = std::find_if(resolved.begin(), resolved.end(),
                                 [&](const PythonAxisValue& v) { return v.value == value; });
    return it == resolved.end() ? nullptr : &*it;
}

const PythonAxisValue* find_executable(const std::vector<PythonAxisValue>& resolved, const std::string& executable) {
    const auto it = std::find_if(resolved.begin(), resolved.end(),
                                 [&](const PythonAxisValue& v) { return v.interpreter == executable; });
    return it == resolved.end() ? nullptr : &*it;
}

std::string spec_at(const toml::node& node) {
    // A float would lose what the user meant: 3.10 reads as 3.1.
    if (!node.is_string()) {
        fail_at(node, fmt::format("expected a string for a value of axis 'python' (an interpreter spec such as "
                                  "\"3.12\"), got {}",
                                  type_name(node)));
    }
    return scalar_text(node, "a value of axis 'python'");
}

SpecResolution resolved_at(const toml::node& node, const std::string& spec, InterpreterCatalog& interpreters) {
    auto r = resolve_python_spec(spec, interpreters);
    if (!r.error.empty()) fail_at(node, r.error);
    return r;
}

PythonAxisValue axis_value(const SpecMatch& m) {
    const auto& in = *m.interpreter;
    return {m.value,     in.label, in.executable, in.executable, in.build ? in.build->version : std::string(),
            std::nullopt};
}

}  // namespace

Axis read_python_axis(const toml::array& array, InterpreterCatalog& interpreters,
                      std::vector<PythonAxisValue>& resolved) {
    const std::string name(kPythonAxis);
    if (array.empty()) fail_at(array, fmt::format("axis '{}' is empty: give it at least one value", name));
    Axis axis{name, {}};
    for (const auto& element : array) {
        const auto spec = spec_at(element);
        if (find_value(resolved, spec)) {
            fail_at(element, fmt::format("axis 'python' lists the value '{}' twice: its cases would have the same id "
                                         "(duplicate case)",
                                         spec));
        }
        for (const auto& m : resolved_at(element, spec, interpreters).matches) {
            if (const auto* earlier = find_executable(resolved, m.interpreter->executable)) {
                fail_at(element, fmt::format("python '{}' is {} ({}), already in the axis as '{}': list each "
                                             "interpreter once",
                                             spec, m.interpreter->label, m.interpreter->executable, earlier->value));
            }
            resolved.push_back(axis_value(m));
            axis.values.push_back(m.value);
        }
    }
    return axis;
}

void resolve_include_python(const toml::table& entry, InterpreterCatalog& interpreters,
                            std::vector<PythonAxisValue>& resolved) {
    const auto* node = entry.get(kPythonAxis);
    if (!node) return;
    const auto spec = spec_at(*node);
    if (find_value(resolved, spec)) return;
    if (spec == "all") fail_at(*node, "'all' in an include entry: name one interpreter (the axis can list 'all')");
    resolved.push_back(axis_value(resolved_at(*node, spec, interpreters).matches.front()));
}

std::vector<AxisValue> placeholder_values(const std::vector<AxisValue>& axes,
                                          const std::vector<PythonAxisValue>& resolved) {
    auto out = axes;
    if (resolved.empty()) return out;
    for (auto& a : out) {
        if (a.axis != kPythonAxis) continue;
        if (const auto* v = find_value(resolved, a.value)) a.value = v->executable;
    }
    return out;
}

}  // namespace perfmatrix
