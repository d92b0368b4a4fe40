#include "orchestrator/cluster/batch_template.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace perfmatrix {
namespace {

std::size_t line_of(std::string_view text, std::size_t pos) {
    return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<long>(pos), '\n'));
}

std::string known_names(const std::map<std::string, std::string>& values) {
    std::string s;
    for (const auto& [name, value] : values) s += (s.empty() ? "" : ", ") + name;
    return s;
}

}  // namespace

std::string render_template(std::string_view text, const std::map<std::string, std::string>& values,
                            std::string_view template_name) {
    std::string out;
    std::size_t pos = 0;
    while (true) {
        const auto open = text.find("{{", pos);
        if (open == std::string_view::npos) break;
        const auto close = text.find("}}", open + 2);
        if (close == std::string_view::npos)
            throw TemplateError(fmt::format("template {} line {}: '{{{{' without a closing '}}}}'", template_name,
                                            line_of(text, open)));
        const std::string name(text.substr(open + 2, close - open - 2));
        const auto it = values.find(name);
        if (it == values.end())
            throw TemplateError(fmt::format("template {} line {}: unknown placeholder '{{{{{}}}}}' (known: {})",
                                            template_name, line_of(text, open), name, known_names(values)));
        out.append(text.substr(pos, open - pos));
        out += it->second;
        pos = close + 2;
    }
    out.append(text.substr(pos));
    return out;
}

}  // namespace perfmatrix
