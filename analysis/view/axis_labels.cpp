#include "analysis/view/axis_labels.hpp"

#include "analysis/text/text.hpp"

#include <algorithm>
#include <set>
#include <string_view>

namespace perfmatrix {

const std::string& AxisLabels::label(const std::string& full) const {
    const auto it = label_of.find(full);
    return it == label_of.end() ? full : it->second;
}

namespace {

bool is_separator(char c) { return std::string_view("/\\ :=,-_@").find(c) != std::string_view::npos; }

// Length of the longest common prefix of all values that ends right after a separator.
std::size_t separator_prefix(const std::vector<std::string>& values) {
    std::size_t common = values.front().size();
    for (const std::string& v : values) {
        const auto mismatch = std::mismatch(values.front().begin(), values.front().end(), v.begin(), v.end());
        common = std::min(common, static_cast<std::size_t>(mismatch.first - values.front().begin()));
    }
    while (common > 0 && !is_separator(values.front()[common - 1])) --common;
    return common;
}

// Length of the longest common suffix of all values that starts with a separator.
std::size_t separator_suffix(const std::vector<std::string>& values) {
    std::size_t common = values.front().size();
    for (const std::string& v : values) {
        const auto mismatch = std::mismatch(values.front().rbegin(), values.front().rend(), v.rbegin(), v.rend());
        common = std::min(common, static_cast<std::size_t>(mismatch.first - values.front().rbegin()));
    }
    const std::string& f = values.front();
    while (common > 0 && !is_separator(f[f.size() - common])) --common;
    return common;
}

bool all_distinct(const std::vector<std::string>& labels) {
    return std::set<std::string>(labels.begin(), labels.end()).size() == labels.size();
}

bool any_empty(const std::vector<std::string>& labels) {
    return std::any_of(labels.begin(), labels.end(), [](const std::string& s) { return s.empty(); });
}

bool all_fit(const std::vector<std::string>& labels, std::size_t max_width) {
    return std::all_of(labels.begin(), labels.end(),
                       [&](const std::string& s) { return display_width(s) <= max_width; });
}

// Step (1): the middles between the common prefix and suffix, with the legend pattern.
bool strip_common_ends(const std::string& axis, const std::vector<std::string>& values,
                       std::vector<std::string>& labels, std::vector<std::string>& legend) {
    if (values.size() < 2) return false;
    const std::size_t prefix = separator_prefix(values);
    std::vector<std::string> rests;
    for (const std::string& v : values) rests.push_back(v.substr(prefix));
    const std::size_t suffix = separator_suffix(rests);
    if (prefix == 0 && suffix == 0) return false;
    std::vector<std::string> middles;
    for (const std::string& r : rests) middles.push_back(r.substr(0, r.size() - suffix));
    if (any_empty(middles) || !all_distinct(middles)) return false;
    const std::string& f = values.front();
    legend.push_back(axis + ": " + f.substr(0, prefix) + std::string(ellipsis) + f.substr(f.size() - suffix));
    labels = std::move(middles);
    return true;
}

std::vector<std::string> components_of(const std::string& value) {
    std::vector<std::string> parts;
    std::string part;
    for (char c : value) {
        if (c == '/' || c == ' ') {
            if (!part.empty()) parts.push_back(std::move(part));
            part.clear();
        } else {
            part += c;
        }
    }
    if (!part.empty()) parts.push_back(std::move(part));
    return parts;
}

// Legend of labels cut out of their values: values that share what surrounds their label
// get one pattern line ("python: /root/.pyenv/versions/…/bin/python"), the others one line
// each ("python: python3 = /usr/bin/python3"), so nine pyenv interpreters and Debian's
// take two lines, not ten.
std::vector<std::string> grouped_legend(const std::string& axis, const std::vector<std::string>& values,
                                        const std::vector<std::string>& labels) {
    struct Group {
        std::string before, after;
        std::vector<std::size_t> members;
    };
    std::vector<Group> groups;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (labels[i] == values[i]) continue;
        const std::size_t at = values[i].rfind(labels[i]);
        std::string before = values[i].substr(0, at), after = values[i].substr(at + labels[i].size());
        auto g = std::find_if(groups.begin(), groups.end(),
                              [&](const Group& x) { return x.before == before && x.after == after; });
        if (g == groups.end())
            groups.push_back({std::move(before), std::move(after), {i}});
        else
            g->members.push_back(i);
    }
    std::vector<std::string> legend;
    for (const Group& g : groups) {
        if (g.members.size() > 1) {
            legend.push_back(axis + ": " + g.before + std::string(ellipsis) + g.after);
        } else {
            const std::size_t i = g.members.front();
            legend.push_back(axis + ": " + labels[i] + " = " + values[i]);
        }
    }
    return legend;
}

// Step (2): each value as its last path component (or word) that no other value contains,
// e.g. "3.12.1", "3.11.7" and "python3.11" for two pyenv interpreters and /usr/bin/python3.11.
// Such labels are distinct by construction.
bool unique_components(const std::string& axis, const std::vector<std::string>& values,
                       std::vector<std::string>& labels, std::vector<std::string>& legend, std::size_t max_width) {
    if (values.size() < 2) return false;
    std::vector<std::vector<std::string>> parts;
    for (const std::string& v : values) parts.push_back(components_of(v));
    const auto elsewhere = [&](std::size_t owner, const std::string& part) {
        for (std::size_t j = 0; j < parts.size(); ++j)
            if (j != owner && std::find(parts[j].begin(), parts[j].end(), part) != parts[j].end()) return true;
        return false;
    };
    std::vector<std::string> found;
    for (std::size_t i = 0; i < values.size(); ++i) {
        const auto it = std::find_if(parts[i].rbegin(), parts[i].rend(),
                                     [&](const std::string& p) { return !elsewhere(i, p); });
        if (it == parts[i].rend()) return false;
        found.push_back(*it);
    }
    if (!all_fit(found, max_width)) return false;
    legend = grouped_legend(axis, values, found);
    labels = std::move(found);
    return true;
}

// Step (3): middle-elide labels wider than max_width, when they stay distinct.
bool elide_long_labels(const std::string& axis, const std::vector<std::string>& values,
                       std::vector<std::string>& labels, std::vector<std::string>& legend, std::size_t max_width) {
    std::vector<std::string> elided;
    for (const std::string& l : labels) elided.push_back(elide_middle(l, max_width));
    if (!all_distinct(elided)) return false;
    for (std::size_t i = 0; i < labels.size(); ++i)
        if (elided[i] != labels[i]) legend.push_back(axis + ": " + elided[i] + " = " + values[i]);
    labels = std::move(elided);
    return true;
}

}  // namespace

AxisLabels make_axis_labels(const std::string& axis, const std::vector<std::string>& values, std::size_t max_width) {
    AxisLabels out;
    std::vector<std::string> distinct;
    for (const std::string& v : values)
        if (std::find(distinct.begin(), distinct.end(), v) == distinct.end()) distinct.push_back(v);
    if (distinct.empty() || all_fit(distinct, max_width)) return out;

    std::vector<std::string> labels = distinct;
    std::vector<std::string> legend;
    strip_common_ends(axis, distinct, labels, legend);
    if (!all_fit(labels, max_width)) {
        std::vector<std::string> unique_labels, unique_legend;
        if (unique_components(axis, distinct, unique_labels, unique_legend, max_width)) {
            labels = std::move(unique_labels);
            legend = std::move(unique_legend);
        }
    }
    if (!all_fit(labels, max_width)) {
        // Elided labels each get a "= full value" line; the pattern line (if any) still
        // explains the labels that were not elided.
        std::vector<std::string> elision_legend;
        if (elide_long_labels(axis, distinct, labels, elision_legend, max_width))
            legend.insert(legend.end(), elision_legend.begin(), elision_legend.end());
    }
    for (std::size_t i = 0; i < distinct.size(); ++i)
        if (labels[i] != distinct[i]) out.label_of[distinct[i]] = labels[i];
    out.legend = std::move(legend);
    return out;
}

}  // namespace perfmatrix
