#include "orchestrator/job/requirements_reading.hpp"

#include "orchestrator/environments/requirements.hpp"
#include "orchestrator/job/python_axis.hpp"
#include "orchestrator/job/toml_reading.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace perfmatrix {

std::vector<std::string> read_requirements(const toml::node& node, const toml::table& table, bool has_python_specs) {
    if (!has_python_specs) {
        const auto* matrix = table["matrix"].as_table();
        const bool glob = matrix && matrix->get(kPythonAxis) && matrix->get(kPythonAxis)->is_table();
        fail_at(node, fmt::format("'requirements' needs a matrix axis 'python' of interpreter specs, e.g. python = "
                                  "[\"3.12\", \"3.13\"]: an environment is made per interpreter{}",
                                  glob ? " (a glob axis lists paths, not interpreters)" : ""));
    }
    const auto& array = expect_array(node, "'requirements'");
    if (array.empty()) {
        fail_at(array,
                "invalid value for 'requirements': expected at least one requirement (leave 'requirements' out "
                "to run the interpreters themselves)");
    }
    std::map<std::string, std::string> by_name;  // normalized name -> the element that named it first
    std::vector<std::string> out;
    for (const auto& element : array) {
        if (!element.is_string()) {
            fail_at(element,
                    fmt::format("expected a string for an element of 'requirements', got {}", type_name(element)));
        }
        const auto text = *element.value<std::string>();
        auto parsed = parse_requirement(text);
        if (const auto* problem = std::get_if<std::string>(&parsed)) {
            fail_at(element, fmt::format("invalid value for 'requirements': {}", *problem));
        }
        const auto& r = std::get<Requirement>(parsed);
        if (const auto [it, fresh] = by_name.emplace(r.name, text); !fresh) {
            fail_at(element, fmt::format("invalid value for 'requirements': '{}' names package '{}' again (first in "
                                         "'{}'): write one requirement per package, e.g. \"numpy>=1.26,<2\"",
                                         text, r.name, it->second));
        }
        out.push_back(r.text());
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace perfmatrix
