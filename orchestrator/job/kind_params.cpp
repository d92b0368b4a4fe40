#include "orchestrator/job/kind_params.hpp"

#include "orchestrator/job/placeholders.hpp"
#include "orchestrator/job/toml_reading.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>

namespace perfmatrix {
namespace {

using json = nlohmann::json;

void check_type(const toml::node& node, const ParamSpec& spec) {
    const auto what = fmt::format("'{}'", spec.name);
    switch (spec.type) {
        case ParamType::string: expect_text(node, what); return;
        case ParamType::string_list: {
            const auto& array = expect_array(node, what);
            for (std::size_t i = 0; i < array.size(); ++i) {
                expect_text(*array.get(i), fmt::format("element {} of '{}'", i + 1, spec.name));
            }
            return;
        }
        case ParamType::string_map:
            for (const auto& [key, value] : expect_table(node, what)) {
                const auto where = fmt::format("'{}' in '{}'", key.str(), spec.name);
                if (key.str().find('\0') != std::string_view::npos)
                    fail_at(value, fmt::format("invalid key in '{}': a NUL character (\\u0000) cannot be passed on",
                                               spec.name));
                expect_text(value, where);
            }
            return;
        case ParamType::boolean:
        case ParamType::integer:
        case ParamType::number:
            // A string stands for a value from the matrix ("{n}"); it is converted per case.
            if (node.is_string()) {
                expect_text(node, what);
                return;
            }
            if (spec.type == ParamType::boolean) expect_boolean(node, what);
            if (spec.type == ParamType::integer) expect_integer(node, what);
            if (spec.type == ParamType::number) expect_number(node, what);
            return;
    }
}

std::string axis_list(const std::vector<AxisValue>& axes) {
    if (axes.empty()) return "it has none";
    std::vector<std::string> names;
    for (const auto& a : axes) names.push_back(a.axis);
    return fmt::format("axes: {}", fmt::join(names, ", "));
}

std::string case_text(const std::vector<AxisValue>& axes) {
    std::vector<std::string> pairs;
    for (const auto& a : axes) pairs.push_back(fmt::format("{}={}", a.axis, a.value));
    return fmt::format("{}", fmt::join(pairs, ", "));
}

std::string unknown_placeholder_message(const UnknownPlaceholder& e, const std::vector<AxisValue>& axes,
                                        const SubstitutionContext& context) {
    const auto& all = *context.all_axes;
    if (std::find(all.begin(), all.end(), e.name) != all.end()) {
        // Some cases have it (an include entry set it, or a new case from include lacks a
        // declared axis): say which case does not.
        return fmt::format(
            "placeholder {{{}}} names no axis of the case ({}) of benchmark '{}' ({}); "
            "only some cases have '{}'",
            e.name, case_text(axes), context.benchmark, axis_list(axes), e.name);
    }
    return fmt::format("placeholder {{{}}} names no axis of benchmark '{}' ({})", e.name, context.benchmark,
                       axis_list(axes));
}

std::string substitute_at(const toml::node& node, std::string_view param, const std::vector<AxisValue>& axes,
                          const SubstitutionContext& context) {
    const auto& text = node.as_string()->get();
    try {
        return substitute_placeholders(text, axes);
    } catch (const UnknownPlaceholder& e) {
        fail_at(node, unknown_placeholder_message(e, axes, context));
    } catch (const PlaceholderSyntaxError& e) {
        fail_at(node, fmt::format("in '{}': {}", param, e.what()));
    }
}

// A scalar parameter written as a string: substitute, then read the text as the declared type.
json scalar_from_text(const WrittenParam& p, const std::vector<AxisValue>& axes, const SubstitutionContext& context) {
    const auto& node = *p.node;
    const std::string text = substitute_at(node, p.spec->name, axes, context);
    const char* first = text.data();
    const char* last = text.data() + text.size();
    switch (p.spec->type) {
        case ParamType::integer: {
            std::int64_t v = 0;
            const auto [end, ec] = std::from_chars(first, last, v);
            if (ec == std::errc() && end == last && !text.empty()) return v;
            break;
        }
        case ParamType::number: {
            double v = 0;
            const auto [end, ec] = std::from_chars(first, last, v);
            if (ec == std::errc() && end == last && !text.empty() && std::isfinite(v)) return v;
            break;
        }
        case ParamType::boolean:
            if (text == "true") return true;
            if (text == "false") return false;
            break;
        default: break;
    }
    fail_at(node, fmt::format("expected {} for '{}', got \"{}\" in the case ({}) of benchmark '{}'",
                              p.spec->type == ParamType::integer  ? "an integer"
                              : p.spec->type == ParamType::number ? "a finite number"
                                                                  : "true or false",
                              p.spec->name, text, case_text(axes), context.benchmark));
}

json param_value(const WrittenParam& p, const std::vector<AxisValue>& axes, const SubstitutionContext& context) {
    const auto& node = *p.node;
    const auto& name = p.spec->name;
    if (node.is_string() && p.spec->type != ParamType::string) return scalar_from_text(p, axes, context);
    switch (p.spec->type) {
        case ParamType::string: return substitute_at(node, name, axes, context);
        case ParamType::string_list: {
            json out = json::array();
            for (const auto& element : *node.as_array()) out.push_back(substitute_at(element, name, axes, context));
            return out;
        }
        case ParamType::string_map: {
            json out = json::object();
            for (const auto& [key, value] : *node.as_table()) {
                out[std::string(key.str())] = substitute_at(value, name, axes, context);
            }
            return out;
        }
        case ParamType::boolean: return node.as_boolean()->get();
        case ParamType::integer: return node.as_integer()->get();
        case ParamType::number: {
            if (const auto* i = node.as_integer()) return static_cast<double>(i->get());
            return node.as_floating_point()->get();
        }
    }
    return nullptr;
}

}  // namespace

std::vector<WrittenParam> read_kind_params(const toml::table& benchmark, const Kind& kind,
                                           std::string_view benchmark_name) {
    std::vector<WrittenParam> out;
    for (const auto& spec : kind.params) {
        const auto* node = benchmark.get(spec.name);
        if (!node) {
            if (!spec.required) continue;
            fail_at(benchmark, fmt::format("benchmark '{}' is missing required key '{}' (kind '{}': {})",
                                           benchmark_name, spec.name, kind.name, spec.help));
        }
        check_type(*node, spec);
        out.push_back({&spec, node});
    }
    return out;
}

json case_params(const std::vector<WrittenParam>& params, const std::vector<AxisValue>& axes,
                 const SubstitutionContext& context) {
    json out = json::object();
    for (const auto& p : params) out[p.spec->name] = param_value(p, axes, context);
    return out;
}

}  // namespace perfmatrix
