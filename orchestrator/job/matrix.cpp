#include "orchestrator/job/matrix.hpp"

#include <algorithm>
#include <functional>

namespace perfmatrix {
namespace {

const std::string* value_of(const std::vector<AxisValue>& values, const std::string& axis) {
    for (const auto& v : values) {
        if (v.axis == axis) return &v.value;
    }
    return nullptr;
}

bool is_declared(const std::vector<Axis>& axes, const std::string& name) {
    return std::any_of(axes.begin(), axes.end(), [&](const Axis& a) { return a.name == name; });
}

// Every key of the entry has the same value in the combination.
bool matches_all(const MatrixEntry& entry, const Combination& c) {
    return std::all_of(entry.begin(), entry.end(), [&](const AxisValue& kv) {
        const auto* v = value_of(c.values, kv.axis);
        return v && *v == kv.value;
    });
}

// Every key of the entry that is a declared axis has the same value in the combination.
bool matches_declared(const MatrixEntry& entry, const Combination& c, const std::vector<Axis>& axes) {
    return std::all_of(entry.begin(), entry.end(), [&](const AxisValue& kv) {
        if (!is_declared(axes, kv.axis)) return true;
        const auto* v = value_of(c.values, kv.axis);
        return v && *v == kv.value;
    });
}

void set_value(Combination& c, const AxisValue& kv) {
    for (auto& v : c.values) {
        if (v.axis == kv.axis) {
            v.value = kv.value;
            return;
        }
    }
    c.values.push_back(kv);
}

// A combination of the entry alone: its declared axes in declaration order, then the rest as
// written.
Combination from_entry(const MatrixEntry& entry, const std::vector<Axis>& axes, std::size_t index) {
    Combination c;
    c.added_by_include = index;
    for (const auto& axis : axes) {
        if (const auto* v = value_of(entry, axis.name)) c.values.push_back({axis.name, *v});
    }
    for (const auto& kv : entry) {
        if (!is_declared(axes, kv.axis)) c.values.push_back(kv);
    }
    return c;
}

bool excluded(const MatrixSpec& spec, const Combination& c) {
    return std::any_of(spec.exclude.begin(), spec.exclude.end(),
                       [&](const MatrixEntry& e) { return matches_all(e, c); });
}

// Sets the include entries' other keys on a combination of the product, each entry in order,
// and notes which entries matched.
void apply_includes(const MatrixSpec& spec, Combination& c, std::vector<bool>& matched) {
    for (std::size_t i = 0; i < spec.include.size(); ++i) {
        const auto& entry = spec.include[i];
        if (!matches_declared(entry, c, spec.axes)) continue;
        matched[i] = true;
        for (const auto& kv : entry) {
            if (!is_declared(spec.axes, kv.axis)) set_value(c, kv);
        }
    }
}

// Steps `at` (an index into each axis' values) to the next combination, the last axis fastest;
// false after the last one.
bool next_indices(const std::vector<Axis>& axes, std::vector<std::size_t>& at) {
    for (std::size_t k = axes.size(); k-- > 0;) {
        if (++at[k] < axes[k].values.size()) return true;
        at[k] = 0;
    }
    return false;
}

// The product of the axes, minus the excluded combinations, each extended by the include
// entries that match it.
void for_each_product(const MatrixSpec& spec, std::vector<bool>& matched,
                      const std::function<void(Combination&&)>& each) {
    const auto& axes = spec.axes;
    if (axes.empty() || std::any_of(axes.begin(), axes.end(), [](const Axis& a) { return a.values.empty(); })) return;
    std::vector<std::size_t> at(axes.size(), 0);
    do {
        Combination c;
        c.values.reserve(axes.size());
        for (std::size_t k = 0; k < axes.size(); ++k) c.values.push_back({axes[k].name, axes[k].values[at[k]]});
        if (excluded(spec, c)) continue;
        apply_includes(spec, c, matched);
        each(std::move(c));
    } while (next_indices(axes, at));
}

}  // namespace

void for_each_combination(const MatrixSpec& spec, const std::function<void(Combination&&)>& each) {
    // Include entries extend only combinations of the product, never ones an earlier include
    // added on its own (GitHub Actions does the same); an entry that matched none is added
    // after the product. Without axes there is nothing for include entries to extend: each is
    // a case of its own (as in GitHub Actions), and with none either the benchmark still has
    // its one case.
    std::vector<bool> matched(spec.include.size(), false);
    for_each_product(spec, matched, each);
    for (std::size_t i = 0; i < spec.include.size(); ++i) {
        if (!matched[i]) each(from_entry(spec.include[i], spec.axes, i));
    }
    if (spec.axes.empty() && spec.include.empty()) each(Combination{});
}

std::vector<Combination> expand_matrix(const MatrixSpec& spec) {
    std::vector<Combination> combos;
    for_each_combination(spec, [&](Combination&& c) { combos.push_back(std::move(c)); });
    return combos;
}

}  // namespace perfmatrix
